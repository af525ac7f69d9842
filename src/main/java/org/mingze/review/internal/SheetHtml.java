package org.mingze.review.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.BiFunction;
import org.mingze.base.ui.qr.QrCodes;
import org.mingze.quiz.exam.TagScore;
import org.mingze.review.ResultSheet;
import org.springframework.web.util.HtmlUtils;

/**
 * The printable result sheet as one HTML fragment (Chinese, A4 portrait when printed): the facts, the breakdown by
 * tag, signature lines, the verification code and its QR code. {@link SheetPdf} renders the same content as a PDF.
 */
public final class SheetHtml {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINESE);

    private SheetHtml() {
    }

    /**
     * @param t          message lookup (key, args)
     * @param verifyUrl  the absolute address of {@code /verify/{code}} the QR code opens
     */
    public static String render(ResultSheet s, String verifyUrl, BiFunction<String, Object[], String> t, ZoneId zone) {
        StringBuilder h = new StringBuilder();
        h.append("<div class=\"mingze-sheet\"><h2>").append(t.apply("review.sheet.title", null)).append("</h2>");
        h.append("<table class=\"facts\">");
        for (String[] f : facts(s, t)) {
            row(h, f[0], f[1]);
        }
        h.append("</table>");
        if (!s.tags().isEmpty()) {
            h.append("<h3>").append(t.apply("review.sheet.tags", null)).append("</h3><table class=\"tags\"><tr><th>")
                    .append(t.apply("review.sheet.tag", null)).append("</th><th>")
                    .append(t.apply("review.sheet.tag-score", null)).append("</th></tr>");
            for (TagScore x : s.tags()) {
                h.append("<tr><td>").append(esc(x.tag())).append("</td><td>")
                        .append(x.earned().stripTrailingZeros().toPlainString()).append(" / ")
                        .append(x.max().stripTrailingZeros().toPlainString()).append("</td></tr>");
            }
            h.append("</table>");
        }
        h.append("<div class=\"signatures\"><p>").append(t.apply("review.sheet.sign-candidate", null))
                .append("<span class=\"line\"></span>").append(t.apply("review.sheet.sign-date", null))
                .append("<span class=\"line short\"></span></p><p>")
                .append(t.apply("review.sheet.sign-organiser", null)).append("<span class=\"line\"></span>")
                .append(t.apply("review.sheet.sign-date", null)).append("<span class=\"line short\"></span></p></div>");
        h.append("<div class=\"verify\"><div class=\"qr\">").append(QrCodes.svg(verifyUrl)).append("</div><div><p>")
                .append(t.apply("review.sheet.code", null)).append("：<b class=\"code\">").append(s.groupedCode())
                .append("</b></p><p>").append(esc(t.apply("review.sheet.scan", new Object[]{verifyUrl})))
                .append("</p><p>").append(t.apply("review.verify.issued", null)).append("：")
                .append(issued(s, zone)).append("</p></div></div>");
        return h.append("</div>").toString();
    }

    /** The sheet's facts as label/value pairs, in order: shared by this page and the PDF ({@link SheetPdf}). */
    public static java.util.List<String[]> facts(ResultSheet s, BiFunction<String, Object[], String> t) {
        java.util.List<String[]> f = new java.util.ArrayList<>();
        f.add(new String[]{t.apply("review.sheet.name", null), s.name()});
        f.add(new String[]{t.apply("review.sheet.unit", null), s.unitName()});
        f.add(new String[]{t.apply("review.sheet.post", null), s.currentPost()});
        f.add(new String[]{t.apply("review.sheet.proposed", null), s.proposedPost()});
        f.add(new String[]{t.apply("review.sheet.type", null), t.apply(s.type().labelKey(), null)});
        f.add(new String[]{t.apply("review.sheet.batch", null), s.batchName()});
        f.add(new String[]{t.apply("review.sheet.test", null), s.testTitle()
                + (s.resit() ? "（" + t.apply("review.sheet.resit", null) + "）" : "")});
        f.add(new String[]{t.apply("review.sheet.date", null), s.date() == null ? t.apply("review.sheet.none", null)
                : DAY.format(s.date())});
        f.add(new String[]{t.apply("review.sheet.score", null), s.score() == null ? "—"
                : s.score().stripTrailingZeros().toPlainString() + " / " + s.max().stripTrailingZeros().toPlainString()});
        f.add(new String[]{t.apply("review.sheet.pass", null), s.passPercent() + "%"});
        f.add(new String[]{t.apply("review.sheet.outcome", null), t.apply(s.outcome().labelKey(), null)});
        if (s.reason() != null && !s.reason().isBlank()) {
            f.add(new String[]{t.apply("review.sheet.reason", null), s.reason()});
        }
        return f;
    }

    /** The issue date as the sheet prints it. */
    static String issued(ResultSheet s, ZoneId zone) {
        return s.issuedAt() == null ? "" : DAY.format(s.issuedAt().atZone(zone));
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(label).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
