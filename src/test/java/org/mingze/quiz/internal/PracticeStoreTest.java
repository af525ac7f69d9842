package org.mingze.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mingze.library.MutableClock;

/** Open practices are kept in memory: bounded per person, and gone after hours without use. */
class PracticeStoreTest {

    private final MutableClock clock = new MutableClock();
    private final PracticeStore store = new PracticeStore(clock);

    private PracticeStore.Session open(long member) {
        return store.open(member, PracticeStore.Kind.PRACTICE, "标签",
                List.of(new PracticeStore.Given("q-1", 1), new PracticeStore.Given("q-2", 3)));
    }

    @Test
    void a_practice_is_found_by_its_unguessable_id_and_knows_the_versions_it_showed() {
        clock.set(Instant.parse("2026-11-28T01:00:00Z"));
        PracticeStore.Session s = open(7);
        assertThat(s.id()).hasSize(36).isNotEqualTo(open(7).id());
        assertThat(store.find(s.id())).containsSame(s);
        assertThat(s.given("q-2")).contains(new PracticeStore.Given("q-2", 3));
        assertThat(s.given("q-3")).isEmpty();
        assertThat(store.find("nonsense")).isEmpty();
        assertThat(store.find(null)).isEmpty();
    }

    @Test
    void a_practice_unused_for_longer_than_the_expiry_is_gone_and_use_keeps_it_alive() {
        clock.set(Instant.parse("2026-11-28T01:00:00Z"));
        PracticeStore.Session used = open(1);
        PracticeStore.Session idle = open(1);
        clock.advance(PracticeStore.IDLE_EXPIRY.minusMinutes(1));
        assertThat(store.find(used.id())).isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.find(idle.id())).isEmpty();
        assertThat(store.find(used.id())).as("used three minutes ago").isPresent();
        clock.advance(PracticeStore.IDLE_EXPIRY.plusSeconds(1));
        open(2); // opening sweeps expired ones away
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void a_person_keeps_at_most_the_limit_and_starting_another_drops_the_one_used_longest_ago() {
        clock.set(Instant.parse("2026-11-28T01:00:00Z"));
        List<PracticeStore.Session> mine = new ArrayList<>();
        for (int i = 0; i < PracticeStore.MAX_PER_PERSON; i++) {
            mine.add(open(3));
            clock.advance(Duration.ofSeconds(1));
        }
        PracticeStore.Session other = open(4);
        store.find(mine.get(0).id()); // the first is used again: the second is now the oldest
        clock.advance(Duration.ofSeconds(1));

        open(3);

        assertThat(store.find(mine.get(0).id())).isPresent();
        assertThat(store.find(mine.get(1).id())).isEmpty();
        assertThat(mine.subList(2, mine.size())).allSatisfy(s -> assertThat(store.find(s.id())).isPresent());
        assertThat(store.find(other.id())).as("another person's are not touched").isPresent();
        assertThat(store.size()).isEqualTo(PracticeStore.MAX_PER_PERSON + 1);
    }
}
