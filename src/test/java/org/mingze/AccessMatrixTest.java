package org.mingze;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mingze.base.security.Role;
import org.mingze.org.internal.Unit;

/**
 * Every route × every role: the view opens exactly for the roles designed below. A new view must be added to this
 * table, or this test fails.
 */
class AccessMatrixTest extends KaribuTest {

    private static final String ANONYMOUS = "ANONYMOUS";
    private static final Set<String> SIGNED_IN = Set.of("LEARNER", "ORGANIZER", "ADMIN", "AUDITOR");
    private static final Set<String> EVERYONE = Set.of(ANONYMOUS, "LEARNER", "ORGANIZER", "ADMIN", "AUDITOR");

    /** The template of a numeric (Long) route parameter. */
    private static final String NUMBER = ":___url_parameter(^[+-]?[0-9]{1,19}$)";
    /** The template of an optional numeric (@OptionalParameter Long) route parameter. */
    private static final String OPTIONAL_NUMBER = ":___url_parameter?(^[+-]?[0-9]{1,19}$)";

    /** route -> who may open it. */
    private static final Map<String, Set<String>> DESIGN = Map.ofEntries(
            Map.entry("", SIGNED_IN),
            Map.entry("login", EVERYONE),
            // open to all, but forwards to the login page once an administrator exists (always, with demo data)
            Map.entry("setup", Set.of()),
            Map.entry("account/password", SIGNED_IN),
            Map.entry("admin/units", Set.of("ADMIN")),
            Map.entry("admin/members", Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            Map.entry("admin/members/import", Set.of("ADMIN", "ORGANIZER")),
            Map.entry("audit", Set.of("ADMIN", "AUDITOR")),
            // integration API tokens (decision 0016): administrators only
            Map.entry("admin/api-tokens", Set.of("ADMIN")),
            Map.entry("library", SIGNED_IN),
            // the id is a wildcard; an unknown id shows "not found" inside the reader
            Map.entry("library/read/:___url_parameter*", SIGNED_IN),
            Map.entry("library/upload", Set.of("ADMIN", "ORGANIZER")),
            Map.entry("library/rejected", Set.of("ADMIN")),
            Map.entry("library/my-study", SIGNED_IN),
            Map.entry("library/records", Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            Map.entry("search", SIGNED_IN),
            Map.entry("search/admin", Set.of("ADMIN")),
            Map.entry("quiz/import", Set.of("ADMIN", "ORGANIZER")),
            // the question bank: organisers and administrators edit, auditors read, learners never see answers here
            Map.entry("quiz/questions", Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            // an unknown id shows "not found" inside the editor; "new" creates (auditors get a read-only note)
            Map.entry("quiz/questions/:id", Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            // practice, the wrong-answer book and study checks: everyone signed in, each sees only their own
            Map.entry("practice", SIGNED_IN),
            Map.entry("practice/wrong", SIGNED_IN),
            Map.entry("quiz/check/:___url_parameter*", SIGNED_IN),
            // tests: everyone signed in sees their own; an id that is not theirs shows "not found"
            Map.entry("exams", SIGNED_IN),
            Map.entry("exams/start/" + NUMBER, SIGNED_IN),
            Map.entry("exams/take/" + NUMBER, SIGNED_IN),
            Map.entry("exams/result/" + NUMBER, SIGNED_IN),
            // organisers' test pages: organisers and administrators manage, auditors read (no settings form)
            Map.entry("exams/admin", Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            Map.entry("exams/paper/" + OPTIONAL_NUMBER, Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            Map.entry("exams/edit/" + OPTIONAL_NUMBER, Set.of("ADMIN", "ORGANIZER")),
            Map.entry("exams/monitor/" + NUMBER, Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            Map.entry("exams/results/" + NUMBER, Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            Map.entry("exams/attempt/" + NUMBER, Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            // sessions: everyone sees their own unit's calendar and their sessions; organisers plan and run them
            Map.entry("schedule", SIGNED_IN),
            Map.entry("schedule/mine", SIGNED_IN),
            Map.entry("schedule/session/" + NUMBER, SIGNED_IN),
            Map.entry("schedule/checkin/" + NUMBER, SIGNED_IN),
            Map.entry("schedule/code/" + NUMBER, Set.of("ADMIN", "ORGANIZER")),
            Map.entry("schedule/edit/:___url_parameter?", Set.of("ADMIN", "ORGANIZER")),
            Map.entry("schedule/series", Set.of("ADMIN", "ORGANIZER")),
            Map.entry("schedule/record/" + NUMBER, Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            // reviews: organisers run batches of their units, auditors read; everyone sees their own candidacies and
            // sheets (a sheet that is not theirs shows "not found")
            Map.entry("review", Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            Map.entry("review/new", Set.of("ADMIN", "ORGANIZER")),
            Map.entry("review/batch/" + NUMBER, Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            Map.entry("review/sheet/" + NUMBER, SIGNED_IN),
            Map.entry("review/mine", SIGNED_IN),
            // the ledger: everyone their own; someone else's (an id) only organisers of their units and auditors,
            // which the page decides (it says "not found" otherwise), so the route is open to everyone signed in
            Map.entry("ledger/" + OPTIONAL_NUMBER, SIGNED_IN),
            // duty reports: organisers create and run sessions of their units (control and presenter screens),
            // auditors read the summary; every member may open the appraisal page (the code and the unit decide)
            Map.entry("duty", Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            Map.entry("duty/new", Set.of("ADMIN", "ORGANIZER")),
            Map.entry("duty/session/" + NUMBER, Set.of("ADMIN", "ORGANIZER", "AUDITOR")),
            Map.entry("duty/control/" + NUMBER, Set.of("ADMIN", "ORGANIZER")),
            Map.entry("duty/present/" + NUMBER, Set.of("ADMIN", "ORGANIZER")),
            Map.entry("duty/vote", SIGNED_IN));

    @Test
    void every_route_has_a_row_in_the_access_design() {
        Set<String> routes = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getTemplate).collect(Collectors.toCollection(TreeSet::new));
        assertThat(DESIGN.keySet()).containsExactlyInAnyOrderElementsOf(routes);
    }

    @Test
    void every_view_and_layout_carries_a_deliberate_access_annotation() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                com.vaadin.flow.router.Route.class));
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AnnotationTypeFilter(
                com.vaadin.flow.router.Layout.class));
        List<String> unannotated = new java.util.ArrayList<>();
        for (var bean : scanner.findCandidateComponents("org.mingze")) {
            Class<?> type = org.springframework.util.ClassUtils.resolveClassName(bean.getBeanClassName(), null);
            boolean annotated = type.isAnnotationPresent(jakarta.annotation.security.RolesAllowed.class)
                    || type.isAnnotationPresent(jakarta.annotation.security.PermitAll.class)
                    || type.isAnnotationPresent(jakarta.annotation.security.DenyAll.class)
                    || type.isAnnotationPresent(com.vaadin.flow.server.auth.AnonymousAllowed.class);
            if (!annotated) {
                unannotated.add(type.getName());
            }
        }
        assertThat(unannotated).isEmpty();
    }

    @Test
    void each_role_opens_exactly_the_views_designed_for_it() {
        Unit branch = data.branch();
        Map<String, String> accountOf = Map.of(
                "LEARNER", data.account(branch, Role.LEARNER).getUsername(),
                "ORGANIZER", data.account(branch, Role.ORGANIZER).getUsername(),
                "ADMIN", data.account(branch, Role.ADMIN).getUsername(),
                "AUDITOR", data.account(branch, Role.AUDITOR).getUsername());
        List<String> wrong = new java.util.ArrayList<>();
        for (String who : List.of(ANONYMOUS, "LEARNER", "ORGANIZER", "ADMIN", "AUDITOR")) {
            for (var row : DESIGN.entrySet()) {
                logout();
                if (!who.equals(ANONYMOUS)) {
                    login(accountOf.get(who));
                }
                boolean opened = opens(row.getKey());
                boolean designed = row.getValue().contains(who);
                if (opened != designed) {
                    wrong.add(who + " " + (opened ? "opened" : "was refused") + " /" + row.getKey());
                }
            }
        }
        assertThat(wrong).as("deviations from the access design").isEmpty();
    }

    private static boolean opens(String route) {
        // a template's parameters get a sample value: "library/read/:___url_parameter*" opens "library/read/sample"
        // and a numeric one "999999" (an id nobody has: the view must say "not found", not fail)
        String path = route.replace(OPTIONAL_NUMBER, "999999").replace(NUMBER, "999999")
                .replaceAll(":[^/]+", "sample");
        Class<?> target = RouteConfiguration.forApplicationScope().getRoute(path).orElseThrow();
        try {
            UI.getCurrent().navigate(path);
        } catch (RuntimeException denied) {
            return false;
        }
        var chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        return !chain.isEmpty() && org.springframework.util.ClassUtils.getUserClass(chain.get(0)).equals(target);
    }
}
