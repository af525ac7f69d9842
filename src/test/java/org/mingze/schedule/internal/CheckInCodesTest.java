package org.mingze.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckInCodesTest {

    static final Instant T0 = Instant.parse("2027-03-05T06:00:00Z"); // a step boundary

    final CheckInCodes codes = new CheckInCodes(CheckInCodes.newSecret());

    @Test
    void the_code_is_six_digits_and_stays_the_same_for_thirty_seconds() {
        String code = codes.codeAt(T0);

        assertThat(code).matches("\\d{6}");
        assertThat(codes.codeAt(T0.plusSeconds(29))).isEqualTo(code);
        assertThat(codes.remaining(T0.plusSeconds(10)).toSeconds()).isEqualTo(20);
    }

    @Test
    void the_code_rotates_every_thirty_seconds() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            seen.add(codes.codeAt(T0.plusSeconds(30L * i)));
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(19); // two equal codes in 20 steps: odds about 1 in 5,000
    }

    @Test
    void the_current_and_the_previous_code_are_accepted_an_older_one_is_not() {
        String previous = codes.codeAt(T0);
        Instant now = T0.plusSeconds(35);

        assertThat(codes.accepts(codes.codeAt(now), now)).isTrue();
        assertThat(codes.accepts(previous, now)).isTrue();
        assertThat(codes.accepts(previous, T0.plusSeconds(61))).as("two steps later the code is stale").isFalse();
    }

    @Test
    void a_code_typed_with_spaces_is_read_but_letters_or_wrong_lengths_are_refused() {
        String code = codes.codeAt(T0);

        assertThat(codes.accepts(code.substring(0, 3) + " " + code.substring(3), T0)).isTrue();
        assertThat(codes.accepts(code + "0", T0)).isFalse();
        assertThat(codes.accepts("abcdef", T0)).isFalse();
        assertThat(codes.accepts(null, T0)).isFalse();
    }

    @Test
    void another_sessions_code_is_no_good_here() {
        CheckInCodes other = new CheckInCodes(CheckInCodes.newSecret());

        int accepted = 0;
        for (int i = 0; i < 200; i++) {
            Instant t = T0.plusSeconds(30L * i);
            if (codes.accepts(other.codeAt(t), t)) {
                accepted++;
            }
        }
        assertThat(accepted).as("a guess succeeds about 2 in a million times per try").isLessThanOrEqualTo(1);
    }

    @Test
    void guessing_every_code_at_random_almost_never_succeeds() {
        java.util.Random random = new java.util.Random(7);
        int hits = 0;
        for (int i = 0; i < 10_000; i++) {
            if (codes.accepts(String.format("%06d", random.nextInt(1_000_000)), T0)) {
                hits++;
            }
        }
        assertThat(hits).isLessThanOrEqualTo(2); // expected 0.02
    }
}
