package org.mingze.search.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** A character trie over the dictionary terms for longest-match lookups. Immutable once built; thread-safe. */
final class TermTrie {

    private static final class Node {
        final Map<Character, Node> next = new HashMap<>(4);
        boolean terminal;
    }

    private final Node root = new Node();

    TermTrie(Collection<String> terms) {
        for (String term : terms) {
            Node n = root;
            for (int i = 0; i < term.length(); i++) {
                n = n.next.computeIfAbsent(term.charAt(i), c -> new Node());
            }
            n.terminal = true;
        }
    }

    /**
     * The lengths of every term that starts at {@code text[from]} and ends at or before {@code to}, shortest first,
     * into {@code out} (at most its length); returns how many.
     */
    int allMatches(char[] text, int from, int to, int[] out) {
        Node n = root;
        int count = 0;
        for (int i = from; i < to && count < out.length; i++) {
            n = n.next.get(text[i]);
            if (n == null) {
                break;
            }
            if (n.terminal) {
                out[count++] = i + 1 - from;
            }
        }
        return count;
    }

    /** The length of the longest term that starts at {@code text[from]} and ends at or before {@code to}, or 0. */
    int longestMatch(char[] text, int from, int to) {
        Node n = root;
        int best = 0;
        for (int i = from; i < to; i++) {
            n = n.next.get(text[i]);
            if (n == null) {
                break;
            }
            if (n.terminal) {
                best = i + 1 - from;
            }
        }
        return best;
    }
}
