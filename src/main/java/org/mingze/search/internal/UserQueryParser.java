package org.mingze.search.internal;

import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import org.mingze.search.SearchMessage;

/**
 * Reads what people type into a search box. Nothing of it reaches a Lucene query parser: this small lexer knows
 * words (all required), {@code "quoted phrases"} (also “中文引号” and 「」), {@code -exclusions}, {@code NOT},
 * and {@code OR} / {@code |} between two operands. A Lucene-style field prefix ({@code title:}) is dropped.
 * Every other character is plain text, which the analyzers drop
 * if it is not a letter or a digit, so wildcards, regular expressions, field names, brackets and escapes have no
 * effect. It never throws.
 */
final class UserQueryParser {

    /** Longer input is cut, with a notice. */
    static final int MAX_LENGTH = 200;
    /** More operands are dropped, with a notice. */
    static final int MAX_OPERANDS = 16;

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    /** {@code title:主体责任} is read as 主体责任: there is no field syntax. */
    private static final java.util.regex.Pattern FIELD_PREFIX = java.util.regex.Pattern.compile("^[A-Za-z_]+:(?=.)");

    private enum Kind { TEXT, PHRASE, OR, NOT }

    private record Token(Kind kind, String text, boolean negated) {
    }

    private UserQueryParser() {
    }

    static UserQuery parse(String raw) {
        List<SearchMessage> notices = new ArrayList<>();
        String text = clean(raw == null ? "" : raw, notices);
        List<Token> tokens = lex(text, notices);

        List<List<UserQuery.Operand>> required = new ArrayList<>();
        List<UserQuery.Operand> excluded = new ArrayList<>();
        int operands = 0;
        boolean pendingOr = false;
        boolean pendingNot = false;
        boolean dropped = false;
        for (Token t : tokens) {
            switch (t.kind) {
                case OR -> pendingOr = !required.isEmpty();
                case NOT -> pendingNot = true;
                default -> {
                    if (operands >= MAX_OPERANDS) {
                        dropped = true;
                        continue;
                    }
                    operands++;
                    UserQuery.Operand op = new UserQuery.Operand(t.text, t.kind == Kind.PHRASE);
                    if (t.negated || pendingNot) {
                        excluded.add(op);
                    } else if (pendingOr) {
                        required.get(required.size() - 1).add(op);
                    } else {
                        List<UserQuery.Operand> group = new ArrayList<>();
                        group.add(op);
                        required.add(group);
                    }
                    pendingOr = false;
                    pendingNot = false;
                }
            }
        }
        if (dropped) {
            notices.add(SearchMessage.of(SearchMessage.TOO_MANY_TERMS, MAX_OPERANDS));
        }
        List<List<UserQuery.Operand>> groups = required.stream().map(List::copyOf).toList();
        return new UserQuery(groups, List.copyOf(excluded), List.copyOf(notices));
    }

    /** NFKC (full-width quotes, minus, bar and spaces become plain ones), control characters out, length capped. */
    private static String clean(String raw, List<SearchMessage> notices) {
        String s = raw;
        if (s.length() > MAX_LENGTH * 4) {
            s = s.substring(0, MAX_LENGTH * 4); // do not normalise megabytes
        }
        s = NFKC.normalize(s);
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX_LENGTH));
        int count = 0;
        boolean cut = raw.codePointCount(0, raw.length()) > MAX_LENGTH;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (count >= MAX_LENGTH) {
                cut = true;
                break;
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                    || type == Character.PRIVATE_USE || type == Character.SURROGATE || Character.isWhitespace(cp)
                    || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else {
                out.appendCodePoint(cp);
            }
            count++;
        }
        if (cut) {
            notices.add(SearchMessage.of(SearchMessage.TRUNCATED, MAX_LENGTH));
        }
        return out.toString();
    }

    private static List<Token> lex(String s, List<SearchMessage> notices) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            boolean negated = false;
            if ((c == '-' || c == '!') && i + 1 < n && s.charAt(i + 1) != ' ') {
                negated = true;
                i++;
                c = s.charAt(i);
            } else if (c == '+' && i + 1 < n && s.charAt(i + 1) != ' ') {
                i++;
                c = s.charAt(i);
            }
            char close = closingQuote(c);
            if (close != 0) {
                int end = s.indexOf(close, i + 1);
                if (close != '"' && end < 0) {
                    end = s.indexOf('"', i + 1);
                }
                if (end < 0) {
                    notices.add(SearchMessage.of(SearchMessage.UNBALANCED_QUOTE));
                    end = n;
                }
                String phrase = s.substring(i + 1, end).strip();
                if (!phrase.isEmpty()) {
                    tokens.add(new Token(Kind.PHRASE, phrase, negated));
                }
                i = Math.min(n, end + 1);
                continue;
            }
            int start = i;
            while (i < n && s.charAt(i) != ' ' && closingQuote(s.charAt(i)) == 0) {
                i++;
            }
            String word = FIELD_PREFIX.matcher(s.substring(start, i)).replaceFirst("");
            if (!negated && (word.equals("OR") || word.equals("|") || word.equals("||"))) {
                tokens.add(new Token(Kind.OR, word, false));
            } else if (!negated && word.equals("NOT")) {
                tokens.add(new Token(Kind.NOT, word, false));
            } else if (!negated && (word.equals("AND") || word.equals("&&") || word.equals("&"))) {
                continue; // AND is what we do anyway
            } else if (!word.isEmpty()) {
                tokens.add(new Token(Kind.TEXT, word, negated));
            }
        }
        return tokens;
    }

    /** The quote that closes one opened by {@code c}, or 0 if {@code c} opens none. */
    private static char closingQuote(char c) {
        return switch (c) {
            case '"' -> '"';
            case '\u201C' -> '\u201D'; // “ ”
            case '\u300C' -> '\u300D'; // 「 」
            case '\u300E' -> '\u300F'; // 『 』
            default -> 0;
        };
    }
}
