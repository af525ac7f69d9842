package org.mingze.quiz;

import java.util.List;

/**
 * What a learner answered to one question; only the part for the question's type is used.
 *
 * @param choices single/multiple: the 0-based indexes chosen
 * @param judge   judge: true or false, null if not answered
 * @param blanks  fill-in: one text per blank, in order
 * @param text    essay: the text written
 */
public record Response(List<Integer> choices, Boolean judge, List<String> blanks, String text) {

    public static final Response EMPTY = new Response(List.of(), null, List.of(), null);

    public Response {
        choices = choices == null ? List.of() : choices.stream().distinct().sorted().toList();
        blanks = blanks == null ? List.of() : List.copyOf(blanks.stream().map(b -> b == null ? "" : b).toList());
    }

    public static Response choices(List<Integer> indexes) {
        return new Response(indexes, null, List.of(), null);
    }

    public static Response judge(boolean value) {
        return new Response(List.of(), value, List.of(), null);
    }

    public static Response blanks(List<String> texts) {
        return new Response(List.of(), null, texts, null);
    }

    public static Response essay(String text) {
        return new Response(List.of(), null, List.of(), text);
    }

    /** Nothing was answered at all. */
    public boolean isEmpty() {
        return choices.isEmpty() && judge == null && blanks.stream().allMatch(String::isBlank)
                && (text == null || text.isBlank());
    }
}
