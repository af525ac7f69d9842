package org.mingze.review.internal;

import java.time.ZoneId;
import java.util.List;
import java.util.function.BiFunction;
import org.mingze.base.pdf.PdfDocument;
import org.mingze.base.ui.qr.QrCodes;
import org.mingze.quiz.exam.TagScore;
import org.mingze.review.ResultSheet;

/**
 * The result sheet as a PDF (A4, Noto Sans SC embedded, decision 0012): the same content as {@link SheetHtml} (the
 * facts from {@link SheetHtml#facts}, the breakdown by tag, signature lines, the verification code and its QR code).
 */
public final class SheetPdf {

    private SheetPdf() {
    }

    public static byte[] render(ResultSheet s, String verifyUrl, BiFunction<String, Object[], String> t,
                                ZoneId zone) {
        PdfDocument pdf = PdfDocument.a4(t.apply("review.sheet.title", null), "明责");
        pdf.rows(SheetHtml.facts(s, t).stream().map(f -> PdfDocument.row(f[0], f[1])).toList());
        if (!s.tags().isEmpty()) {
            pdf.heading(t.apply("review.sheet.tags", null));
            pdf.table(List.of(t.apply("review.sheet.tag", null), t.apply("review.sheet.tag-score", null)),
                    s.tags().stream().map(SheetPdf::tagRow).toList(), 3f, 1f);
        }
        pdf.signatures(t.apply("review.sheet.sign-candidate", null), t.apply("review.sheet.sign-date", null));
        pdf.signatures(t.apply("review.sheet.sign-organiser", null), t.apply("review.sheet.sign-date", null));
        pdf.images(List.of(QrCodes.png(verifyUrl, 6)), 4);
        pdf.paragraph(t.apply("review.sheet.code", null) + "：" + s.groupedCode());
        pdf.note(t.apply("review.sheet.scan", new Object[]{verifyUrl}));
        pdf.note(t.apply("review.verify.issued", null) + "：" + SheetHtml.issued(s, zone));
        return pdf.toBytes();
    }

    private static List<String> tagRow(TagScore x) {
        return List.of(x.tag(), x.earned().stripTrailingZeros().toPlainString() + " / "
                + x.max().stripTrailingZeros().toPlainString());
    }
}
