package org.mingze.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.security.Role;
import org.mingze.library.LibraryTest;
import org.mingze.library.MutableClock;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The session record (会议记录表) as a PDF: Chinese names, numbers, minutes and photos, in an embedded font. */
@MingzeTest
@LibraryTest
class ScheduleRecordPdfTest {

    static final LocalDateTime START = LocalDateTime.of(2026, 12, 4, 14, 30);

    @Autowired
    ScheduleService schedule;
    @Autowired
    AttendanceService attendance;
    @Autowired
    PhotoService photos;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;

    Unit branch;
    Account secretary;
    Account alice;
    Account bob;
    Account carol;
    long session;

    @BeforeEach
    void setUp() {
        clock.set(LocalDateTime.of(2026, 11, 28, 9, 0).atZone(clock.getZone()).toInstant());
        branch = data.branch();
        secretary = data.account(branch, Role.ORGANIZER);
        alice = data.account(branch, Role.LEARNER);
        bob = data.account(branch, Role.LEARNER);
        carol = data.account(branch, Role.LEARNER);
        data.signIn(secretary.getUsername());
        session = schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "主题党日：一岗双责与责任清单", START)
                .withHost("李红梅", null)).session().id();
        clock.set(START.plusMinutes(100).atZone(clock.getZone()).toInstant());
        attendance.mark(session, secretary.getMemberId(), AttendanceStatus.PRESENT);
        attendance.mark(session, alice.getMemberId(), AttendanceStatus.PRESENT);
        attendance.mark(session, bob.getMemberId(), AttendanceStatus.LATE);
        attendance.close(session); // carol: absent
        schedule.saveMinutes(session, "一、传达学习主体责任规定。\n二、王振华同志发言：压实一岗双责。");
    }

    @AfterEach
    void tearDown() {
        data.signOut();
        clock.reset();
    }

    @Test
    void the_pdf_has_the_chinese_names_attendance_numbers_minutes_and_an_embedded_font() throws IOException {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        photos.upload(session, "合影.png", new ByteArrayInputStream(png.toByteArray()));

        byte[] pdf = schedule.recordPdf(session, Locale.SIMPLIFIED_CHINESE);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            // table cells wrap: compare without white space
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("会议记录表", branch.getName(), "主题党日：一岗双责与责任清单", "李红梅",
                    alice.getDisplayName(), bob.getDisplayName(), carol.getDisplayName(),
                    "应到4人，实到3人（其中迟到1人），请假0人，缺席1人，出席率75%",
                    "传达学习主体责任规定", "王振华同志发言：压实一岗双责", "出席率75%（3/4人）", "会议照片",
                    "主持人（签字）");
            boolean embedded = false;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    assertThat(f.isEmbedded()).as(f.getName()).isTrue();
                    assertThat(f.getName()).contains("NotoSansSC");
                    embedded = true;
                }
                assertThat(page.getResources().getXObjectNames()).as("the photo's thumbnail").isNotEmpty();
            }
            assertThat(embedded).isTrue();
        }
    }

    @Test
    void only_the_sessions_organisers_administrators_and_auditors_get_the_pdf() {
        data.signIn(alice.getUsername());
        assertThatThrownBy(() -> schedule.recordPdf(session, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(AccessDeniedException.class);
        Unit other = data.branch();
        data.signIn(data.account(other, Role.ORGANIZER).getUsername());
        assertThatThrownBy(() -> schedule.recordPdf(session, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(AccessDeniedException.class);
        data.signIn(data.account(data.committee(), Role.AUDITOR).getUsername());
        assertThat(schedule.recordPdf(session, Locale.SIMPLIFIED_CHINESE)).startsWith("%PDF".getBytes());
    }
}
