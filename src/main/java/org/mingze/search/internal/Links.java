package org.mingze.search.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * Where a hit leads: a material section to the library's reader ({@code library/read/<id>#<anchor>}), a question to
 * the bank editor ({@code quiz/questions/<id>}).
 */
final class Links {

    static final String READER = "library/read/";
    static final String QUESTION_EDITOR = "quiz/questions/";

    private Links() {
    }

    /** App-relative URL of a hit, path segments and fragment percent-encoded as needed. */
    static String of(String type, String sourceId, String anchor) {
        if (SearchFields.TYPE_QUESTION.equals(type)) {
            return question(sourceId);
        }
        return reader(type, sourceId, anchor);
    }

    /** The bank editor's address of a question. */
    static String question(String questionId) {
        if (questionId == null) {
            return "";
        }
        return QUESTION_EDITOR + UriUtils.encodePathSegment(questionId, StandardCharsets.UTF_8);
    }

    /** App-relative URL of a material section in the reader. */
    static String reader(String type, String sourceId, String anchor) {
        if (sourceId == null) {
            return "";
        }
        StringBuilder url = new StringBuilder(READER);
        String[] segments = sourceId.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                url.append('/');
            }
            url.append(UriUtils.encodePathSegment(segments[i], StandardCharsets.UTF_8));
        }
        if (anchor != null && !anchor.isEmpty()) {
            url.append('#').append(UriUtils.encodeFragment(anchor, StandardCharsets.UTF_8));
        }
        return url.toString();
    }
}
