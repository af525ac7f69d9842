package org.mingze.schedule.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.mingze.base.i18n.Formats;
import org.mingze.base.pdf.PdfDocument;
import org.mingze.schedule.AttendanceStatus;
import org.mingze.schedule.AttendeeRow;
import org.mingze.schedule.PhotoRow;
import org.mingze.schedule.SessionDetail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The session record (会议记录表) as a PDF, with the same content as the printable page: the facts, attendance by
 * status with the numbers, reading, quiz, summary, the minutes, the photos' thumbnails and lines to sign.
 */
@Component
public class SessionRecordPdf {

    private final MessageSource messages;
    private final PhotoFiles files;
    private final SessionStore store;

    SessionRecordPdf(MessageSource messages, PhotoFiles files, SessionStore store) {
        this.messages = messages;
        this.files = files;
        this.store = store;
    }

    public byte[] render(SessionDetail d, Locale locale) {
        var c = d.card();
        List<PdfDocument.Row> rows = new ArrayList<>();
        rows.add(PdfDocument.row(t("schedule.field.unit", locale), c.unitName()));
        rows.add(PdfDocument.row(t("schedule.field.type", locale), t(c.type().labelKey(), locale)));
        rows.add(PdfDocument.row(t("schedule.field.topic", locale), c.topic()));
        rows.add(PdfDocument.row(t("schedule.field.when", locale), Formats.dateTime(c.startsAt(), locale) + " – "
                + c.endsAt().toLocalTime()));
        rows.add(PdfDocument.row(t("schedule.field.place", locale), c.place() == null ? "" : c.place()));
        rows.add(PdfDocument.row(t("schedule.field.host", locale), c.host() == null ? "" : c.host()));
        rows.add(PdfDocument.row(t("schedule.status", locale), t("schedule.status." + c.status(), locale)));
        SessionDetail.Summary s = d.summary();
        rows.add(PdfDocument.row(t("schedule.record.numbers", locale), t("schedule.record.numbers-value", locale,
                s.expected(), s.attended(), count(d, AttendanceStatus.LATE), count(d, AttendanceStatus.LEAVE),
                count(d, AttendanceStatus.ABSENT), String.valueOf(s.attendanceRate()))));
        for (AttendanceStatus st : List.of(AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.LEAVE,
                AttendanceStatus.ABSENT, AttendanceStatus.EXPECTED)) {
            String names = d.attendees().stream().filter(a -> a.status() == st).map(AttendeeRow::name)
                    .collect(Collectors.joining("、"));
            if (!names.isEmpty()) {
                rows.add(PdfDocument.row(t(st.labelKey(), locale), names));
            }
        }
        if (!d.reading().isEmpty()) {
            int materials = d.reading().size();
            long complete = d.attendees().stream().filter(a -> a.studied() >= materials).count();
            rows.add(PdfDocument.row(t("schedule.session.reading", locale), d.reading().stream()
                    .map(SessionDetail.Reading::title).collect(Collectors.joining("；")) + "　"
                    + t("schedule.record.reading-done", locale, complete, s.expected())));
        }
        if (d.quiz() != null) {
            rows.add(PdfDocument.row(t("schedule.record.quiz", locale), t("schedule.record.quiz-value", locale,
                    d.quiz().title(), d.quiz().passed(), s.expected())));
        }
        rows.add(PdfDocument.row(t("schedule.record.summary", locale), summary(s, locale)));

        PdfDocument pdf = PdfDocument.a4(t("schedule.record.title", locale), c.unitName())
                .rows(rows)
                .heading(t("schedule.field.minutes", locale))
                .paragraph(d.minutes() == null ? t("schedule.record.no-minutes", locale) : d.minutes());
        List<PhotoRow> photos = d.photos();
        if (!photos.isEmpty()) {
            List<byte[]> thumbs = new ArrayList<>();
            for (PhotoRow p : photos) {
                store.photo(p.id()).ifPresent(x -> thumbs.add(files.read(p.sessionId(), x.storedName(), true)));
            }
            pdf.heading(t("schedule.record.photos", locale)).images(thumbs, 3);
        }
        return pdf.signatures(t("schedule.record.sign-recorder", locale), t("schedule.record.sign-host", locale))
                .toBytes();
    }

    private String summary(SessionDetail.Summary s, Locale locale) {
        StringBuilder sb = new StringBuilder(t("schedule.summary.attendance", locale, s.attendanceRate(), s.attended(),
                s.expected()));
        if (s.readingRate() != null) {
            sb.append(" · ").append(t("schedule.summary.reading", locale, s.readingRate()));
        }
        if (s.quizTaken() != null) {
            sb.append(" · ").append(s.quizAverage() == null ? t("schedule.summary.quiz-none", locale)
                    : t("schedule.summary.quiz", locale, s.quizAverage().toPlainString(), s.quizTaken()));
        }
        return sb.toString();
    }

    private static long count(SessionDetail d, AttendanceStatus s) {
        return d.attendees().stream().filter(a -> a.status() == s).count();
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
