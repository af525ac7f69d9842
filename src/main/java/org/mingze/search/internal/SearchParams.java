package org.mingze.search.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mingze.search.SearchRequest;
import org.mingze.search.SearchSort;

/**
 * The request parameters of the search page and of {@code /api/search}, read the same way:
 * {@code q, category, tag, type} (repeatable), {@code from, to} ({@code 2024}, {@code 2024-05} or
 * {@code 2024-05-01}; a year or month covers all of it), {@code sort} ({@code relevance}|{@code date}),
 * {@code page} (from 1), {@code size} (1 to 50).
 */
public final class SearchParams {

    /** A parameter that cannot be understood, with its name and the value given. */
    public static final class BadParameter extends IllegalArgumentException {
        private final String name;
        private final String value;

        BadParameter(String name, String value) {
            super(name + "=" + value);
            this.name = name;
            this.value = value;
        }

        public String name() {
            return name;
        }

        public String value() {
            return value;
        }
    }

    private SearchParams() {
    }

    /** Strict: a bad date, page or size throws {@link BadParameter} (the API answers 400). */
    public static SearchRequest parse(Map<String, List<String>> params) {
        return read(params, true);
    }

    /** Lenient: bad values are ignored (the page shows what it can). */
    public static SearchRequest parseLenient(Map<String, List<String>> params) {
        return read(params, false);
    }

    private static SearchRequest read(Map<String, List<String>> p, boolean strict) {
        String q = first(p, "q");
        LocalDate from = date(p, "from", false, strict);
        LocalDate to = date(p, "to", true, strict);
        if (from != null && to != null && from.isAfter(to)) {
            if (strict) {
                throw new BadParameter("from", first(p, "from"));
            }
            from = null;
            to = null;
        }
        int page = number(p, "page", 1, 1, Integer.MAX_VALUE, strict);
        int size = number(p, "size", SearchRequest.DEFAULT_SIZE, 1, SearchRequest.MAX_SIZE, strict);
        String sort = first(p, "sort");
        if (strict && sort != null && !sort.isBlank() && !sort.equalsIgnoreCase("date")
                && !sort.equalsIgnoreCase("relevance")) {
            throw new BadParameter("sort", sort);
        }
        return new SearchRequest(q, all(p, "category"), all(p, "tag"), all(p, "type"), from, to,
                SearchSort.parse(sort), page, size);
    }

    /** The parameters that reproduce a request (for links and the browser's address bar). */
    public static Map<String, List<String>> toParams(SearchRequest r) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        if (!r.q().isBlank()) {
            // the engine reads only the first MAX_LENGTH characters; one more keeps its "too long" notice, and the
            // address stays far below the server's 8 KB header limit however much was pasted into the box
            String q = r.q();
            if (q.codePointCount(0, q.length()) > UserQueryParser.MAX_LENGTH + 1) {
                q = q.substring(0, q.offsetByCodePoints(0, UserQueryParser.MAX_LENGTH + 1));
            }
            out.put("q", List.of(q));
        }
        if (!r.categories().isEmpty()) {
            out.put("category", r.categories());
        }
        if (!r.tags().isEmpty()) {
            out.put("tag", r.tags());
        }
        if (!r.types().isEmpty()) {
            out.put("type", r.types());
        }
        if (r.from() != null) {
            out.put("from", List.of(r.from().toString()));
        }
        if (r.to() != null) {
            out.put("to", List.of(r.to().toString()));
        }
        if (r.sort() == SearchSort.DATE) {
            out.put("sort", List.of("date"));
        }
        if (r.page() > 1) {
            out.put("page", List.of(String.valueOf(r.page())));
        }
        if (r.size() != SearchRequest.DEFAULT_SIZE) {
            out.put("size", List.of(String.valueOf(r.size())));
        }
        return out;
    }

    private static String first(Map<String, List<String>> p, String name) {
        List<String> v = p.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static List<String> all(Map<String, List<String>> p, String name) {
        List<String> out = new ArrayList<>();
        for (String v : p.getOrDefault(name, List.of())) {
            if (v != null) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.strip());
                    }
                }
            }
        }
        return out;
    }

    private static int number(Map<String, List<String>> p, String name, int dflt, int min, int max,
                              boolean strict) {
        String v = first(p, name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            if (strict) {
                throw new BadParameter(name, v);
            }
            return dflt;
        }
    }

    /** {@code 2024}, {@code 2024-05} or {@code 2024-05-01}; for {@code end} the last day of a year or month. */
    static LocalDate date(Map<String, List<String>> p, String name, boolean end, boolean strict) {
        String v = first(p, name);
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        try {
            if (s.matches("\\d{4}")) {
                int year = Integer.parseInt(s);
                return end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
            }
            if (s.matches("\\d{4}-\\d{2}")) {
                YearMonth ym = YearMonth.parse(s);
                return end ? ym.atEndOfMonth() : ym.atDay(1);
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(s);
            }
        } catch (DateTimeException e) {
            // falls through
        }
        if (strict) {
            throw new BadParameter(name, v);
        }
        return null;
    }
}
