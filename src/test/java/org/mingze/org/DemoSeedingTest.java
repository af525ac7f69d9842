package org.mingze.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.TestData;
import org.mingze.base.security.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;

/** The set-up every module's demo data shares: act as a demo person in the demo branch, never fail the start. */
@MingzeTest
class DemoSeedingTest {

    @Autowired
    DemoSeeding seeding;
    @Autowired
    TestData data;

    @AfterEach
    void out() {
        data.signOut();
    }

    @Test
    void the_work_runs_as_the_given_person_with_the_demo_branch_and_the_callers_identity_comes_back() {
        data.signIn("admin");
        List<String> seen = new ArrayList<>();
        seeding.inBranch("zhouxy", "test data", branch -> {
            seen.add(CurrentUser.actor());
            seen.add(branch.name());
            return true;
        });
        assertThat(seen).containsExactly("zhouxy", DemoSeeding.BRANCH);
        assertThat(CurrentUser.actor()).isEqualTo("admin");
    }

    @Test
    void a_person_who_does_not_manage_the_branch_runs_nothing_and_a_failure_is_not_thrown() {
        List<String> seen = new ArrayList<>();
        seeding.inBranch("100101", "test data", branch -> seen.add(branch.name())); // a member, no organiser
        assertThat(seen).isEmpty();
        seeding.inBranchInOwnTransaction("lihm", "test data", branch -> {
            seen.add(CurrentUser.actor());
            throw new IllegalStateException("no questions yet");
        });
        assertThat(seen).containsExactly("lihm");
        assertThat(CurrentUser.get()).as("nobody was signed in before, nobody after").isEmpty();
    }
}
