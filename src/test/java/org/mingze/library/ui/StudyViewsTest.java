package org.mingze.library.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.library.LibraryFixtures;
import org.mingze.library.LibraryTest;
import org.mingze.library.MemberStudyRow;
import org.mingze.library.MutableClock;
import org.mingze.library.StudyHow;
import org.mingze.library.StudyService;
import org.mingze.library.internal.LibraryContent;
import org.mingze.org.internal.Account;
import org.mingze.org.internal.Unit;
import org.springframework.beans.factory.annotation.Autowired;

/** 我的学时 and 学习记录 as people see them. */
@LibraryTest
class StudyViewsTest extends KaribuTest {

    @Autowired
    LibraryContent content;
    @Autowired
    StudyService study;
    @Autowired
    MutableClock clock;

    private Unit branch;
    private Account learner;

    @BeforeEach
    void setUp() {
        LibraryFixtures.install(content);
        clock.set(Instant.now());
        branch = data.branch();
        learner = data.account(branch, Role.LEARNER);
        login(learner.getUsername());
        study.startReading("zhuti/diyi-zeren");
        for (int i = 0; i < 5; i++) { // 150 s
            clock.advance(Duration.ofSeconds(30));
            study.heartbeat("zhuti/diyi-zeren");
        }
        study.markStudied(learner.getMemberId(), "zhuti/diyi-zeren", StudyHow.QUIZ);
        logout();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void my_study_shows_hours_and_minutes_by_month_and_material() {
        login(learner.getUsername());
        UI.getCurrent().navigate("library/my-study");
        assertThat(_get(Div.class, spec -> spec.withClasses("mingze-study-total")).getElement().getTextRecursively())
                .isEqualTo("累计学时：2分钟");
        assertThat(_find(Span.class, spec -> spec.withClasses("mingze-study-time"))).extracting(Span::getText)
                .containsExactly("2分钟", "2分钟");
        assertThat(_get(Span.class, spec -> spec.withClasses("mingze-studied")).getText()).isEqualTo("测验通过");
    }

    @Test
    void an_organiser_sees_the_records_of_their_branch_only_and_opens_a_persons_detail() {
        Unit other = data.branch();
        Account stranger = data.account(other, Role.LEARNER);
        login(data.account(branch, Role.ORGANIZER).getUsername());
        UI.getCurrent().navigate("library/records");
        @SuppressWarnings("unchecked")
        Grid<MemberStudyRow> grid = _get(Grid.class);
        List<MemberStudyRow> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(GridKt._get(grid, i));
        }
        assertThat(rows).extracting(MemberStudyRow::memberId).contains(learner.getMemberId())
                .doesNotContain(stranger.getMemberId());
        MemberStudyRow mine = rows.stream().filter(r -> r.memberId() == learner.getMemberId()).findFirst()
                .orElseThrow();
        assertThat(mine.seconds()).isEqualTo(150);
        assertThat(mine.studied()).isEqualTo(1);

        GridKt._clickItem(grid, rows.indexOf(mine));
        assertThat(_get(Div.class, spec -> spec.withClasses("mingze-study-total")).getElement().getTextRecursively())
                .isEqualTo("累计学时：2分钟");
        _click(_get(Button.class, spec -> spec.withText("关闭")));
    }
}
