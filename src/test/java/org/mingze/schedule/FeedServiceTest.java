package org.mingze.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
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
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** Calendar feeds: a secret address without login, the right sessions in it, revocable at once. */
@MingzeTest
@LibraryTest
@AutoConfigureMockMvc
class FeedServiceTest {

    @Autowired
    FeedService feeds;
    @Autowired
    ScheduleService schedule;
    @Autowired
    MockMvc mvc;
    @Autowired
    TestData data;
    @Autowired
    MutableClock clock;

    Unit branch;
    Account secretary;
    Account member;

    @BeforeEach
    void setUp() {
        clock.set(LocalDateTime.of(2027, 2, 1, 9, 0).atZone(clock.getZone()).toInstant());
        branch = data.branch();
        secretary = data.account(branch, Role.ORGANIZER);
        member = data.account(branch, Role.LEARNER);
        data.signIn(secretary.getUsername());
        schedule.save(SessionDraft.of(branch.getId(), SessionType.THEME_DAY, "三月主题党日",
                LocalDateTime.of(2027, 3, 5, 14, 30)));
    }

    @AfterEach
    void tearDown() {
        data.signOut();
        clock.reset();
    }

    @Test
    void a_members_feed_lists_their_sessions_for_a_calendar_app_that_does_not_sign_in() throws Exception {
        data.signIn(member.getUsername());
        NewFeed feed = feeds.createMine();
        data.signOut();

        mvc.perform(get("/" + feed.path())).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("SUMMARY:主题党日：三月主题党日")));
    }

    @Test
    void a_revoked_or_made_up_address_answers_not_found() throws Exception {
        NewFeed feed = feeds.createForUnit(branch.getId());
        mvc.perform(get("/" + feed.path())).andExpect(status().isOk());

        data.signIn(secretary.getUsername()); // the request above ran on this thread and cleared the sign-in
        feeds.revoke(feed.feed().id());

        mvc.perform(get("/" + feed.path())).andExpect(status().isNotFound());
        mvc.perform(get("/ical/" + "A".repeat(43) + ".ics")).andExpect(status().isNotFound());
        data.signIn(secretary.getUsername());
        assertThat(feeds.mine()).filteredOn(f -> f.id() == feed.feed().id()).singleElement()
                .satisfies(f -> assertThat(f.active()).isFalse());
    }

    @Test
    void nobody_revokes_anothers_feed_and_an_organiser_cannot_publish_another_branchs_sessions() {
        NewFeed feed = feeds.createForUnit(branch.getId());
        Account other = data.account(data.branch(), Role.ORGANIZER);
        data.signIn(other.getUsername());

        assertThatThrownBy(() -> feeds.revoke(feed.feed().id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> feeds.createForUnit(branch.getId())).isInstanceOf(AccessDeniedException.class);
        data.signIn(member.getUsername());
        assertThatThrownBy(() -> feeds.createForUnit(branch.getId())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void only_the_hash_of_the_token_is_stored() {
        NewFeed feed = feeds.createMine();
        String token = feed.path().substring("ical/".length(), feed.path().length() - ".ics".length());

        assertThat(token).hasSize(43);
        assertThat(FeedService.hash(token)).hasSize(64).isNotEqualTo(token);
    }
}
