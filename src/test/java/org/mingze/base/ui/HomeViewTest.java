package org.mingze.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;

class HomeViewTest extends KaribuTest {

    @Test
    void a_signed_in_learner_sees_a_chinese_greeting_and_the_to_do_heading() {
        login("wangzh");
        UI.getCurrent().navigate("");
        assertThat(_get(HomeView.class).getChildren().filter(H2.class::isInstance).map(c -> ((H2) c).getText()))
                .containsExactly("王振华，您好", "我的待办");
    }
}
