package org.mingze.search.internal;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;

/**
 * What a hit shows (id, type, title, heading, anchor, category, tags, date ...), kept a second time as one binary
 * doc value per document ({@link SearchFields#SHOWN}, index format 6). The stored fields hold the same values, but
 * reading a document from them decompresses its block (LZ4 with a preset dictionary): for the ten hits of a page
 * that was an eighth of a search; Lucene keeps binary doc values uncompressed, so this is a copy.
 */
final class HitFields {

    /** The fields a hit shows: read from {@link SearchFields#SHOWN}. */
    static final Set<String> SHOWN = Set.of(SearchFields.ID, SearchFields.TYPE, SearchFields.SOURCE_ID,
            SearchFields.TITLE, SearchFields.HEADING, SearchFields.ANCHOR, SearchFields.CATEGORY, SearchFields.TAG,
            SearchFields.DATE, SearchFields.ARCHIVED, SearchFields.QUESTION_TYPE);

    private HitFields() {
    }

    /** Adds the doc value with the document's stored values of the {@link #SHOWN} fields, in their order. */
    static void add(Document d) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        for (IndexableField f : d.getFields()) {
            if (SHOWN.contains(f.name()) && f.fieldType().stored() && f.stringValue() != null) {
                out.writeString(f.name());
                out.writeString(f.stringValue());
            }
        }
        d.add(new BinaryDocValuesField(SearchFields.SHOWN, new BytesRef(out.toArrayCopy())));
    }

    /** The values kept by {@link #add}, as stored fields of a document (as {@code StoredFields} would give them). */
    static Document read(BytesRef value) throws IOException {
        Document d = new Document();
        ByteArrayDataInput in = new ByteArrayDataInput(value.bytes, value.offset, value.length);
        while (!in.eof()) {
            String name = in.readString();
            d.add(new StoredField(name, in.readString()));
        }
        return d;
    }
}
