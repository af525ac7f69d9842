package org.mingze.schedule.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.library.LibraryFixtures;
import org.mingze.library.LibraryTest;
import org.mingze.library.MutableClock;
import org.mingze.library.internal.LibraryContent;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.mingze.schedule.AttendanceService;
import org.mingze.schedule.AttendanceStatus;
import org.mingze.schedule.ScheduleService;
import org.mingze.schedule.SessionDraft;
import org.mingze.schedule.SessionType;
import org.mingze.schedule.internal.CheckInCodes;
import org.mingze.schedule.internal.SessionStore;
import org.springframework.beans.factory.annotation.Autowired;

/** The session pages as an organiser and a member use them, without a browser. */
@LibraryTest
class ScheduleViewsTest extends KaribuTest {

    static final LocalDateTime START = LocalDateTime.of(2026, 12, 4, 14, 30);

    @Autowired
    ScheduleService schedule;
    @Autowired
    AttendanceService attendance;
    @Autowired
    SessionStore store;
    @Autowired
    MutableClock clock;
    @Autowired
    LibraryContent content;

    Unit branch;
    Account secretary;
    Account member;
    long session;

    @BeforeEach
    void setUp() {
        LibraryFixtures.install(content);
        at(LocalDateTime.of(2026, 11, 28, 9, 0));
        branch = data.branch();
        secretary = data.account(branch, Role.ORGANIZER);
        member = data.account(branch, Role.LEARNER);
        login(secretary.getUsername());
        session = schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "十二月主题党日：一岗双责", START)
                .withMaterials(List.of("zhuti/diyi-zeren"))).session().id();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void at(LocalDateTime t) {
        clock.set(t.atZone(clock.getZone()).toInstant());
    }

    @Test
    void the_host_screen_shows_the_current_code_in_the_window_and_nothing_before_it() {
        UI.getCurrent().navigate("schedule/code/" + session);
        assertThat(_get(Span.class, s -> s.withClasses("mingze-host-code-digits")).getText()).isEqualTo("— — —");

        at(START.minusMinutes(5));
        UI.getCurrent().navigate("schedule/code/" + session);

        String expected = new CheckInCodes(store.session(session).orElseThrow().checkinSecret()).codeAt(clock.instant());
        assertThat(_get(Span.class, s -> s.withClasses("mingze-host-code-digits")).getText().replace(" ", ""))
                .isEqualTo(expected);
        assertThat(_get(Div.class, s -> s.withClasses("mingze-host-code-qr")).getElement().getChildCount())
                .isEqualTo(1);
    }

    @Test
    void a_member_following_the_qr_code_checks_in_with_one_tap() {
        at(START.minusMinutes(2));
        String code = new CheckInCodes(store.session(session).orElseThrow().checkinSecret()).codeAt(clock.instant());
        logout();
        login(member.getUsername());

        UI.getCurrent().navigate("schedule/checkin/" + session,
                com.vaadin.flow.router.QueryParameters.of("code", code));
        assertThat(_get(TextField.class, s -> s.withClasses("mingze-checkin-code")).getValue()).isEqualTo(code);
        _click(_get(Button.class, s -> s.withClasses("mingze-checkin-submit")));

        assertThat(_get(Paragraph.class, s -> s.withClasses("mingze-checkin-result")).getText()).startsWith("签到成功：出席");
        assertThat(store.attendee(session, member.getMemberId()).orElseThrow().status())
                .isEqualTo(AttendanceStatus.PRESENT);
    }

    @Test
    void a_member_asks_for_leave_on_the_session_page_and_the_organiser_approves_it_there() {
        logout();
        login(member.getUsername());
        UI.getCurrent().navigate("schedule/session/" + session);
        assertThat(_find(Select.class, s -> s.withClasses("mingze-attendee-mark"))).as("no marking for members")
                .isEmpty();
        _click(_get(Button.class, s -> s.withClasses("mingze-session-leave")));
        _setValue(_get(TextArea.class, s -> s.withClasses("mingze-leave-reason")), "外出执行安保任务");
        _click(_get(Button.class, s -> s.withClasses("mingze-leave-send")));
        logout();

        login(secretary.getUsername());
        UI.getCurrent().navigate("schedule/session/" + session);
        _click(_get(Button.class, s -> s.withClasses("mingze-leave-approve")));

        assertThat(store.attendee(session, member.getMemberId()).orElseThrow().status())
                .isEqualTo(AttendanceStatus.LEAVE);
        logout();
        login(member.getUsername());
        UI.getCurrent().navigate("schedule/mine");
        assertThat(_find(Div.class, s -> s.withClasses("mingze-makeup"))).hasSize(1);
    }

    @Test
    void the_organiser_marks_attendance_by_hand_on_the_session_page() {
        UI.getCurrent().navigate("schedule/session/" + session);
        var marks = _find(Select.class, s -> s.withClasses("mingze-attendee-mark"));
        assertThat(marks).hasSize(2);

        @SuppressWarnings("unchecked")
        Select<AttendanceStatus> first = marks.get(0);
        _setValue(first, AttendanceStatus.LATE);

        assertThat(store.attendees(session)).extracting(a -> a.status()).contains(AttendanceStatus.LATE);
    }

    @Test
    void the_series_preview_of_next_years_first_fridays_marks_new_year_and_national_day_as_holidays() {
        UI.getCurrent().navigate("schedule/series");
        _setValue(_get(DatePicker.class, d -> d.withLabel("开始日期")), LocalDate.of(2027, 1, 1));
        _setValue(_get(DatePicker.class, d -> d.withLabel("结束日期")), LocalDate.of(2027, 12, 31));
        _click(_get(Button.class, b -> b.withClasses("mingze-series-preview")));

        List<String> marked = _find(Div.class, d -> d.withClasses("mingze-series-item")).stream()
                .filter(row -> row.getChildren().anyMatch(c -> c.hasClassName("mingze-series-holiday")))
                .map(row -> row.getElement().getTextRecursively()).toList();
        assertThat(marked).hasSize(2);
        assertThat(marked.get(0)).contains("2027年1月1日").contains("元旦（法定节假日）");
        assertThat(marked.get(1)).contains("2027年10月1日").contains("国庆节（法定节假日）");
    }

    @Test
    void the_calendar_page_opens_for_an_organiser_with_the_cadence_panel() {
        UI.getCurrent().navigate("schedule");

        assertThat(_get(Div.class, s -> s.withClasses("mingze-cadence")).getElement().getTextRecursively())
                .contains("党课");
    }

    @Test
    void a_member_makes_a_calendar_feed_address_and_sees_it_once() {
        logout();
        login(member.getUsername());
        UI.getCurrent().navigate("schedule/mine");

        _click(_get(Button.class, s -> s.withClasses("mingze-feed-make")));

        TextField address = _get(TextField.class, s -> s.withClasses("mingze-feed-address"));
        assertThat(address.getValue()).matches(".*/ical/[A-Za-z0-9_-]{43}\\.ics");
        assertThat(_find(Button.class, s -> s.withClasses("mingze-feed-revoke"))).hasSize(1);
    }

    @Autowired
    org.mingze.schedule.PhotoService photos;

    @Test
    void a_held_session_shows_photo_thumbnails_and_the_summary_and_its_record_offers_the_pdf() throws Exception {
        at(START.plusHours(2));
        attendance.mark(session, secretary.getMemberId(), AttendanceStatus.PRESENT);
        attendance.close(session);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(400, 300,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
        photos.upload(session, "合影.png", new java.io.ByteArrayInputStream(png.toByteArray()));

        UI.getCurrent().navigate("schedule/session/" + session);
        assertThat(_find(com.vaadin.flow.component.html.Image.class, s -> s.withClasses("mingze-photo-thumb")))
                .hasSize(1);
        assertThat(_get(Paragraph.class, s -> s.withClasses("mingze-session-summary")).getText())
                .startsWith("出席率 50%（1/2 人）").contains("学习完成率 0%");

        UI.getCurrent().navigate("schedule/record/" + session);
        assertThat(_get(com.vaadin.flow.component.html.Anchor.class, s -> s.withClasses("mingze-record-pdf"))
                .getHref()).isNotBlank();
        assertThat(_find(com.vaadin.flow.component.html.Image.class, s -> s.withClasses("mingze-photo-thumb")))
                .hasSize(1);

        login(member.getUsername());
        UI.getCurrent().navigate("schedule/session/" + session);
        assertThat(_find(com.vaadin.flow.component.html.Image.class, s -> s.withClasses("mingze-photo-thumb")))
                .as("an attendee sees the photos").hasSize(1);
        assertThat(_find(Button.class, s -> s.withClasses("mingze-photo-delete"))).isEmpty();
        assertThat(_find(Paragraph.class, s -> s.withClasses("mingze-session-summary"))).isEmpty();
    }
}
