package com.salescopilot.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.salescopilot.security.Actor;
import com.salescopilot.security.CopilotUser;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.Route;
import java.security.Principal;
import java.util.HashSet;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Base of the Karibu view tests: a mocked Vaadin UI on the real Spring context (real services, real
 * PostgreSQL). Vaadin's navigation access control asks the <em>request</em> for the principal and its
 * roles, and Karibu's fake request has none; so every fake request here answers from the
 * {@link SecurityContextHolder}, which {@link #login(Actor)} fills with a real {@link CopilotUser}
 * (so that {@code CurrentUser} works in the views as it does in the application).
 */
@IntegrationTest
public abstract class KaribuTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext ctx;

    @Autowired
    protected TestData testData;

    @BeforeAll
    static void discoverRoutes() {
        if (routes == null) {
            Routes discovered = new Routes().autoDiscoverViews("com.salescopilot");
            // Karibu's discovery sees only public classes; our views are package-private
            Set<Class<? extends Component>> views = new HashSet<>(discovered.getRoutes());
            ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
            scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
            for (BeanDefinition candidate : scanner.findCandidateComponents("com.salescopilot")) {
                views.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), null).asSubclass(Component.class));
            }
            routes = new Routes(views, new HashSet<>(discovered.getErrorRoutes()), true);
        }
    }

    /** Logs {@code actor} in (a {@link CopilotUser} with {@code ROLE_x}) and starts a fresh UI. */
    protected void login(Actor actor) {
        CopilotUser user = new CopilotUser(actor.userId(), actor.username(), "{noop}" + TestData.PASSWORD, true,
                actor.role(), "Test " + actor.username());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        setUpUi();
    }

    /** Starts a UI without anyone logged in. */
    protected void anonymous() {
        SecurityContextHolder.clearContext();
        setUpUi();
    }

    private void setUpUi() {
        MockVaadin.tearDown();
        MockVaadin.setMockRequestFactory(session -> new SecurityContextRequest(session));
        MockVaadin.setup(UI::new, new MockSpringServlet(routes, ctx, UI::new));
    }

    @AfterEach
    void tearDownUi() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** A fake request whose user is whoever the security context holds at the moment of the call. */
    private static final class SecurityContextRequest extends FakeRequest {

        SecurityContextRequest(jakarta.servlet.http.HttpSession session) {
            super(session);
        }

        @Override
        public Principal getUserPrincipal() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth != null && auth.isAuthenticated() ? auth : null;
        }

        @Override
        public boolean isUserInRole(String role) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !auth.isAuthenticated()) {
                return false;
            }
            String wanted = role.startsWith("ROLE_") ? role : "ROLE_" + role;
            return auth.getAuthorities().stream().anyMatch(a -> wanted.equals(a.getAuthority()));
        }
    }
}
