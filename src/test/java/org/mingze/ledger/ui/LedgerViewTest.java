package org.mingze.ledger.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.ledger.LedgerFixtures;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Member;
import org.mingze.org.internal.Unit;
import org.springframework.beans.factory.annotation.Autowired;

/** The ledger page as its official, an organiser of another branch and an auditor see it, without a browser. */
class LedgerViewTest extends KaribuTest {

    static final QueryParameters YEAR_2025 = QueryParameters.of("year", "2025");

    @Autowired
    LedgerFixtures fx;

    @Test
    void the_official_sees_their_year_with_sections_study_bars_and_the_evidence_pack_and_no_grid() {
        Unit u = data.branch();
        Account a = data.account(u);
        long s = fx.session(u.getId(), "THEME_DAY", "七月主题党日", LocalDateTime.of(2025, 7, 4, 14, 30), "HELD");
        fx.attendee(s, a.getMemberId(), "LATE");
        fx.studyTime(a.getMemberId(), "lv/material", LocalDate.of(2025, 7, 1), 1800);
        login(a.getUsername());
        UI.getCurrent().navigate("ledger", YEAR_2025);

        LedgerView view = _get(LedgerView.class);
        String text = view.getElement().getTextRecursively();
        assertThat(_get(H2.class).getText()).isEqualTo("考核台帐");
        assertThat(text).contains(a.getDisplayName(), "2025年", "组织生活", "七月主题党日", "迟到", "7月", "30 分钟",
                "述职评议", "学习资料");
        assertThat(_find(view, Grid.class)).isEmpty();
        assertThat(_find(view, ComboBox.class)).as("learners get no member picker").isEmpty();
        assertThat(_find(view, Anchor.class)).anyMatch(x -> x.getClassNames().contains("mingze-ledger-pdf"));
        assertThat(_find(view, Anchor.class)).anyMatch(x -> "schedule/session/".concat(String.valueOf(s))
                .equals(x.getHref()));
    }

    @Test
    void an_organiser_of_another_branch_is_told_not_found_and_an_auditor_reads_it() {
        Unit u = data.branch();
        Member m = data.member(u);
        Account otherOrganiser = data.account(data.branch(), Role.ORGANIZER);
        login(otherOrganiser.getUsername());
        UI.getCurrent().navigate("ledger/" + m.getId());
        assertThat(_get(LedgerView.class).getElement().getTextRecursively()).contains("找不到此人的台帐")
                .doesNotContain(m.getName());

        login("guolx");
        UI.getCurrent().navigate("ledger/" + m.getId(), YEAR_2025);
        assertThat(_get(H2.class).getText()).isEqualTo(m.getName() + "的考核台帐");
        assertThat(_find(_get(LedgerView.class), ComboBox.class)).as("auditors get the member picker").hasSize(1);
    }

    @Test
    void links_on_someone_elses_ledger_lead_to_the_staff_pages_or_nowhere() {
        assertThat(LedgerView.linkFor("exams/result/12", true)).isEqualTo("exams/result/12");
        assertThat(LedgerView.linkFor("exams/result/12", false)).isEqualTo("exams/attempt/12");
        assertThat(LedgerView.linkFor("practice/wrong", false)).isNull();
        assertThat(LedgerView.linkFor("exams/start/3", false)).isNull();
        assertThat(LedgerView.linkFor("schedule/session/5", false)).isEqualTo("schedule/session/5");
    }
}
