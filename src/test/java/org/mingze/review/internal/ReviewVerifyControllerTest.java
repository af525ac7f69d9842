package org.mingze.review.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.library.MutableClock;
import org.mingze.quiz.exam.ExamTest;
import org.mingze.review.SheetService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

/** The public verification page: unknown codes say 未找到/已失效, and an address that keeps guessing is refused. */
@MingzeTest
@ExamTest
class ReviewVerifyControllerTest {

    @Autowired
    SheetService sheets;
    @Autowired
    MessageSource messages;
    @Autowired
    MutableClock clock;

    @Test
    void a_guessed_code_is_not_found_and_after_20_misses_the_address_is_refused_for_a_while() {
        VerifyController c = new VerifyController(sheets, messages, clock);
        MockHttpServletRequest guesser = new MockHttpServletRequest();
        guesser.setRemoteAddr("203.0.113.9");
        for (int i = 0; i < VerifyController.MAX_MISSES; i++) {
            var r = c.verify(SheetCodes.newCode(), guesser);
            assertThat(r.getStatusCode().value()).isEqualTo(404);
            assertThat(r.getBody()).contains("未找到或已失效");
        }
        assertThat(c.verify(SheetCodes.newCode(), guesser).getStatusCode().value()).isEqualTo(429);
        MockHttpServletRequest someoneElse = new MockHttpServletRequest();
        someoneElse.setRemoteAddr("198.51.100.7");
        assertThat(c.verify("x", someoneElse).getStatusCode().value()).isEqualTo(404);
        clock.advance(VerifyController.WINDOW.plusSeconds(1));
        try {
            assertThat(c.verify(SheetCodes.newCode(), guesser).getStatusCode().value()).isEqualTo(404);
        } finally {
            clock.reset();
        }
        assertThat(messages.getMessage("review.verify.missing", null, Locale.SIMPLIFIED_CHINESE)).contains("未找到");
    }
}
