package org.mingze.search.internal;

import org.springframework.web.util.UriUtils;

/** Where a hit leads: the library's reader for a material section ({@code library/read/<id>#<anchor>}). */
final class Links {

    static final String READER = "library/read/";

    private Links() {
    }

    /** App-relative URL, path segments and fragment percent-encoded as needed. */
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
            url.append(UriUtils.encodePathSegment(segments[i], java.nio.charset.StandardCharsets.UTF_8));
        }
        if (anchor != null && !anchor.isEmpty()) {
            url.append('#').append(UriUtils.encodeFragment(anchor, java.nio.charset.StandardCharsets.UTF_8));
        }
        return url.toString();
    }
}
