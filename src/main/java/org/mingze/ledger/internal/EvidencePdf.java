package org.mingze.ledger.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mingze.base.i18n.Formats;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.base.pdf.PdfDocument;
import org.mingze.ledger.Ledger;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The evidence pack (述职纪实) of one year as a PDF: title, the member's facts, the year's figures, study minutes by
 * month, every section as a table (day, item, facts, outcome), when it was generated, and lines to sign.
 */
@Component
public class EvidencePdf {

    private final MessageSource messages;

    EvidencePdf(MessageSource messages) {
        this.messages = messages;
    }

    public byte[] render(Ledger l, Locale locale) {
        PdfDocument doc = PdfDocument.a4(t("ledger.pdf.title", locale, String.valueOf(l.year())), t("app.name", locale));
        doc.rows(List.of(
                PdfDocument.row(t("ledger.field.name", locale), l.name()),
                PdfDocument.row(t("ledger.field.employee-no", locale), l.employeeNo()),
                PdfDocument.row(t("ledger.field.unit", locale), l.unitName()),
                PdfDocument.row(t("ledger.field.post", locale), l.post() == null ? "" : l.post()),
                PdfDocument.row(t("ledger.field.year", locale), t("ledger.year", locale, String.valueOf(l.year()))),
                PdfDocument.row(t("ledger.totals", locale), totals(l, locale))));
        doc.heading(t("ledger.study-by-month", locale));
        List<String> header = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Ledger.MonthStudy m : l.studyByMonth()) {
            header.add(t("ledger.month", locale, m.month()));
            values.add(String.valueOf(m.minutes()));
        }
        doc.table(header, List.of(values));
        doc.note(t("ledger.study-by-month.note", locale));
        List<String> columns = List.of(t("ledger.col.day", locale), t("ledger.col.title", locale),
                t("ledger.col.detail", locale), t("ledger.col.outcome", locale));
        for (Ledger.Section s : l.sections()) {
            doc.heading(t("ledger.section." + s.section(), locale) + "（" + s.entries().size() + "）");
            if (s.entries().isEmpty()) {
                doc.paragraph(t("ledger.section.none", locale));
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (LedgerEntry e : s.entries()) {
                rows.add(List.of(Formats.date(e.day(), locale), nz(e.title()), nz(e.detail()), nz(e.outcome())));
            }
            doc.table(columns, rows, 1.3f, 3f, 4f, 1.8f);
        }
        doc.note(t("ledger.pdf.generated", locale, Formats.dateTime(l.generatedAt(), locale)));
        doc.signatures(t("ledger.pdf.sign-self", locale), t("ledger.pdf.sign-reviewer", locale));
        return doc.toBytes();
    }

    /** The year's figures in one line (shared with the page). */
    public String totals(Ledger l, Locale locale) {
        Ledger.Totals x = l.totals();
        return t("ledger.totals.value", locale, x.studyMinutes(), x.count(LedgerSection.STUDY),
                x.count(LedgerSection.STUDY_CHECK), x.count(LedgerSection.TEST), x.count(LedgerSection.REVIEW),
                x.count(LedgerSection.THEME_DAY), x.count(LedgerSection.REMINDER));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private String t(String key, Locale l, Object... args) {
        return messages.getMessage(key, args, l);
    }
}
