package org.mingze.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditQuery;
import org.mingze.base.ledger.LedgerEntry;
import org.mingze.base.ledger.LedgerSection;
import org.mingze.base.security.Role;
import org.mingze.base.time.BureauZone;
import org.mingze.org.internal.Member;
import org.mingze.org.internal.Unit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Who may read whose ledger, the year filter, reminders seen from two sides, and the evidence pack. */
@MingzeTest
class LedgerServiceTest {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @Autowired
    LedgerService ledgers;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    TestData data;
    @Autowired
    AuditLog audit;

    long wangzh;
    Member stranger;

    @BeforeEach
    void setUp() {
        data.signIn("wangzh");
        wangzh = ledgers.myMemberId();
        stranger = data.member(data.branch());
        data.signOut();
    }

    @AfterEach
    void tearDown() {
        data.signOut();
    }

    @Test
    void a_learner_reads_their_own_ledger_and_nobody_elses() {
        data.signIn("wangzh");
        Ledger mine = ledgers.mine(2025, ZH);
        assertThat(mine.name()).isEqualTo("王振华");
        assertThat(mine.unitName()).contains("城关");
        assertThat(mine.sections()).extracting(Ledger.Section::section).containsExactly(LedgerSection.values());
        assertThat(ledgers.of(wangzh, 2025, ZH).memberId()).isEqualTo(wangzh);
        assertThatThrownBy(() -> ledgers.of(stranger.getId(), 2025, ZH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledgers.years(stranger.getId())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledgers.evidencePack(stranger.getId(), 2025, ZH))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ledgers.pickable("测试")).isInstanceOf(AccessDeniedException.class);
        data.signIn("guolx");
        assertThat(audit.search(new AuditQuery("wangzh", "LEDGER_READ", null, null, null, null), 0, 5).getContent())
                .as("reading one's own ledger is not audited").isEmpty();
    }

    @Test
    void the_chengguan_organiser_reads_her_branch_and_not_another_branch() {
        data.signIn("lihm");
        assertThat(ledgers.of(wangzh, 2025, ZH).name()).isEqualTo("王振华");
        assertThatThrownBy(() -> ledgers.of(stranger.getId(), 2025, ZH)).isInstanceOf(AccessDeniedException.class);
        assertThat(ledgers.canRead(stranger.getId())).isFalse();
        assertThat(ledgers.pickable(stranger.getName())).isEmpty();
        assertThat(ledgers.pickable("王振华")).extracting(r -> r.id()).contains(wangzh);
        data.signIn("guolx");
        assertThat(audit.search(new AuditQuery("lihm", "LEDGER_READ", "member", String.valueOf(wangzh), null, null),
                0, 5).getContent()).isNotEmpty();
    }

    @Test
    void an_auditor_reads_anyone_and_an_administrator_alone_does_not() {
        data.signIn("guolx");
        assertThat(ledgers.of(stranger.getId(), 2025, ZH).memberId()).isEqualTo(stranger.getId());
        assertThat(ledgers.pickable(stranger.getName())).extracting(r -> r.id()).containsExactly(stranger.getId());
        Unit branch = data.branch();
        data.signIn(data.account(branch, Role.ADMIN).getUsername());
        assertThatThrownBy(() -> ledgers.of(stranger.getId(), 2025, ZH)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void an_unknown_member_is_refused_like_one_outside_the_scope() {
        data.signIn("guolx");
        assertThatThrownBy(() -> ledgers.of(987654321L, 2025, ZH)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void the_year_filter_keeps_other_years_out_and_offers_the_years_with_records() {
        Unit branch = data.branch();
        Member m = data.member(branch);
        fx.studyTime(m.getId(), "ledger-test/a", LocalDate.of(2024, 3, 5), 600);
        fx.studyTime(m.getId(), "ledger-test/b", LocalDate.of(2025, 4, 6), 1200);
        long s24 = fx.session(branch.getId(), "THEME_DAY", "二〇二四年主题党日", LocalDateTime.of(2024, 6, 1, 9, 0), "HELD");
        long s25 = fx.session(branch.getId(), "THEME_DAY", "二〇二五年主题党日", LocalDateTime.of(2025, 6, 1, 9, 0), "HELD");
        fx.attendee(s24, m.getId(), "PRESENT");
        fx.attendee(s25, m.getId(), "LATE");

        Ledger y2025 = ledgers.forSystem(m.getId(), 2025, ZH);
        assertThat(y2025.entries(LedgerSection.THEME_DAY)).extracting(LedgerEntry::title)
                .containsExactly("主题党日：二〇二五年主题党日");
        assertThat(y2025.entries(LedgerSection.STUDY)).extracting(LedgerEntry::title).containsExactly("ledger-test/b");
        assertThat(y2025.studyByMonth()).hasSize(12);
        assertThat(y2025.studyByMonth().get(3).minutes()).isEqualTo(20);
        assertThat(y2025.studyByMonth().get(2).minutes()).isZero();
        assertThat(y2025.totals().studyMinutes()).isEqualTo(20);
        assertThat(y2025.totals().count(LedgerSection.THEME_DAY)).isEqualTo(1);

        data.signIn("guolx");
        assertThat(ledgers.years(m.getId())).contains(2025, 2024, LocalDate.now(BureauZone.get()).getYear())
                .doesNotContain(2023);
    }

    @Test
    void a_reminder_and_how_it_was_closed_are_one_line() {
        Unit branch = data.branch();
        var account = data.account(branch, Role.LEARNER);
        long member = account.getMemberId();
        String name = "任前考察测试" + TestData.next();
        long batch = fx.batch(branch.getId(), name, "PRE_APPOINTMENT", LocalDate.of(2025, 5, 20));
        long candidate = fx.candidate(batch, member, "所长", "PASSED", LocalDate.of(2025, 5, 20),
                BigDecimal.valueOf(88), LocalDate.of(2025, 5, 18), null, LocalDateTime.of(2025, 5, 18, 10, 0));
        String title = "考核提醒：" + name;
        fx.reviewReminder(candidate, "D3", LocalDateTime.of(2025, 5, 17, 8, 0));
        fx.notice(account.getUsername(), title, LocalDateTime.of(2025, 5, 17, 8, 0), LocalDateTime.of(2025, 5, 17, 9, 0));
        fx.notice(account.getUsername(), "系统通知", LocalDateTime.of(2025, 7, 1, 8, 0), null);

        Ledger l = ledgers.forSystem(member, 2025, ZH);
        assertThat(l.entries(LedgerSection.REMINDER)).hasSize(2);
        LedgerEntry merged = l.entries(LedgerSection.REMINDER).get(0);
        assertThat(merged.title()).isEqualTo(title);
        assertThat(merged.outcome()).contains("已读").contains("已参加测试");
        assertThat(l.entries(LedgerSection.REMINDER).get(1).outcome()).isEqualTo("未读");
    }

    @Test
    void the_evidence_pack_is_a_pdf_with_the_chinese_text_of_the_ledger_and_is_audited() throws IOException {
        Unit branch = data.branch();
        Member m = data.member(branch);
        long s = fx.session(branch.getId(), "PARTY_LECTURE", "学习党章专题党课", LocalDateTime.of(2025, 9, 3, 14, 0),
                "HELD");
        fx.attendee(s, m.getId(), "ABSENT");
        fx.makeup(s, m.getId(), "ABSENT", LocalDate.of(2025, 9, 17), LocalDateTime.of(2025, 9, 10, 20, 0));

        data.signIn("guolx");
        byte[] pdf = ledgers.evidencePack(m.getId(), 2025, ZH);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("述职纪实", "考核台帐（2025年）", m.getName(), m.getEmployeeNo(), "学习党章专题党课", "缺席",
                    "已补学", "组织生活", "本人（签字）", "生成时间");
        }
        assertThat(audit.search(new AuditQuery("guolx", "LEDGER_EXPORT", "member", String.valueOf(m.getId()), null,
                null), 0, 5).getContent()).hasSize(1);
    }
}
