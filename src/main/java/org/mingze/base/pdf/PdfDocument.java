package org.mingze.base.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * A simple A4 document with Chinese text (session records, result sheets): a title, headings, paragraphs, tables of
 * label/value rows or of columns, images in a grid, and signature lines. Every text is set in {@link PdfFonts}; the
 * author and title go into the PDF's properties. Build it, then call {@link #toBytes()} once.
 *
 * <pre>{@code
 * byte[] pdf = PdfDocument.a4("会议记录表", "明责").paragraph("...").rows(List.of(PdfDocument.row("单位", "..."))).toBytes();
 * }</pre>
 */
public final class PdfDocument {

    private static final Color LINE = new Color(0x99, 0x99, 0x99);
    private static final Color LABEL = new Color(0xF2, 0xF2, 0xF2);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Document doc;
    private final Font title = new Font(PdfFonts.regular(), 18);
    private final Font heading = new Font(PdfFonts.regular(), 13);
    private final Font body = new Font(PdfFonts.regular(), 10.5f);
    private final Font small = new Font(PdfFonts.regular(), 9, Font.NORMAL, new Color(0x55, 0x55, 0x55));
    private boolean finished;

    /** A label and its value, for {@link #rows}. */
    public record Row(String label, String value) {
    }

    public static Row row(String label, String value) {
        return new Row(label, value);
    }

    private PdfDocument(String titleText, String author) {
        doc = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        doc.addTitle(titleText);
        doc.addAuthor(author);
        doc.addCreator("Mingze");
        doc.open();
        Paragraph p = new Paragraph(titleText, title);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(14);
        add(p);
    }

    /** An A4 page with this title centred at the top. */
    public static PdfDocument a4(String title, String author) {
        return new PdfDocument(title, author);
    }

    public PdfDocument heading(String text) {
        Paragraph p = new Paragraph(text, heading);
        p.setSpacingBefore(12);
        p.setSpacingAfter(6);
        return add(p);
    }

    /** A paragraph; line breaks in the text are kept. */
    public PdfDocument paragraph(String text) {
        Paragraph p = new Paragraph(text == null ? "" : text, body);
        p.setLeading(0, 1.5f);
        p.setSpacingAfter(6);
        return add(p);
    }

    /** A small grey note (e.g. when the record was printed). */
    public PdfDocument note(String text) {
        Paragraph p = new Paragraph(text, small);
        p.setSpacingAfter(4);
        return add(p);
    }

    /** A two-column table: grey labels on the left, values on the right. */
    public PdfDocument rows(List<Row> rows) {
        PdfPTable t = new PdfPTable(new float[]{1.1f, 4f});
        t.setWidthPercentage(100);
        for (Row r : rows) {
            t.addCell(cell(r.label(), true));
            t.addCell(cell(r.value(), false));
        }
        return add(t);
    }

    /** A table with a header row; each row has as many cells as the header. */
    public PdfDocument table(List<String> header, List<List<String>> rows, float... widths) {
        PdfPTable t = widths.length == header.size() ? new PdfPTable(widths) : new PdfPTable(header.size());
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        header.forEach(h -> t.addCell(cell(h, true)));
        for (List<String> r : rows) {
            for (int i = 0; i < header.size(); i++) {
                t.addCell(cell(i < r.size() ? r.get(i) : "", false));
            }
        }
        return add(t);
    }

    /** Images (JPEG or PNG bytes) in a grid of {@code perRow} columns, each scaled to its cell's width. */
    public PdfDocument images(List<byte[]> images, int perRow) {
        if (images.isEmpty()) {
            return this;
        }
        PdfPTable t = new PdfPTable(perRow);
        t.setWidthPercentage(100);
        for (byte[] bytes : images) {
            try {
                Image img = Image.getInstance(bytes);
                PdfPCell c = new PdfPCell(img, true);
                c.setPadding(3);
                c.setBorder(Rectangle.NO_BORDER);
                t.addCell(c);
            } catch (IOException | RuntimeException e) {
                t.addCell(cell("", false));
            }
        }
        t.completeRow();
        t.setSpacingBefore(4);
        return add(t);
    }

    /** Lines to sign, side by side: "记录人（签字）：______". */
    public PdfDocument signatures(String... labels) {
        PdfPTable t = new PdfPTable(Math.max(1, labels.length));
        t.setWidthPercentage(100);
        t.setSpacingBefore(36);
        for (String l : labels) {
            PdfPCell c = new PdfPCell(new Phrase(l + "____________________", body));
            c.setBorder(Rectangle.NO_BORDER);
            c.setPaddingBottom(8);
            t.addCell(c);
        }
        return add(t);
    }

    /** Closes the document and returns the PDF. */
    public byte[] toBytes() {
        if (!finished) {
            doc.close();
            finished = true;
        }
        return out.toByteArray();
    }

    private PdfPCell cell(String text, boolean label) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, body));
        c.setPadding(5);
        c.setBorderColor(LINE);
        if (label) {
            c.setBackgroundColor(LABEL);
        }
        return c;
    }

    private PdfDocument add(Element e) {
        if (finished) {
            throw new IllegalStateException("the document is finished");
        }
        try {
            doc.add(e);
        } catch (DocumentException ex) {
            throw new IllegalStateException(ex);
        }
        return this;
    }
}
