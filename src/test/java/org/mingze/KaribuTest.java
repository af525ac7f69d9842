package org.mingze;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.Route;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.util.ClassUtils;

/**
 * Base class for view tests without a browser (Karibu-Testing): a mocked Vaadin UI on top of the real Spring
 * context, and {@link #login(String)} that signs in an account as Spring Security would.
 */
@MingzeTest
public abstract class KaribuTest {

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    protected ApplicationContext ctx;
    @Autowired
    protected UserDetailsService users;
    @Autowired
    protected TestData data;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, ctx, UI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        logout();
        MockVaadin.tearDown();
    }

    /**
     * Finds every view, layout and error view under org.mingze. Karibu's own discovery skips package-private
     * classes, and our views are package-private by design.
     */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(Layout.class));
        scanner.addIncludeFilter(new AssignableTypeFilter(HasErrorParameter.class));
        Set<Class<? extends Component>> routes = new HashSet<>();
        Set<Class<? extends HasErrorParameter<?>>> errors = new HashSet<>();
        for (var bean : scanner.findCandidateComponents("org.mingze")) {
            Class<?> type = ClassUtils.resolveClassName(bean.getBeanClassName(), KaribuTest.class.getClassLoader());
            if (HasErrorParameter.class.isAssignableFrom(type)) {
                errors.add((Class<? extends HasErrorParameter<?>>) type);
            } else {
                routes.add((Class<? extends Component>) type);
            }
        }
        return new Routes(routes, errors, true);
    }

    /** Every route of the application, as the mocked servlet serves them (for tests that set up more UIs). */
    protected static Routes routes() {
        return ROUTES;
    }

    /** Signs in the account (as the login form would) and returns its details. */
    protected UserDetails login(String username) {
        UserDetails user = data.signIn(username);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        request.setUserInRole((principal, role) -> user.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
        return user;
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null
                && VaadinServletRequest.getCurrent().getRequest() instanceof FakeRequest request) {
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }
}
