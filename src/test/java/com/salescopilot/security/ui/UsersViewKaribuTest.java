package com.salescopilot.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.salescopilot.base.ui.AccessDeniedView;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.security.SupportedLocales;
import com.salescopilot.security.UserService;
import com.salescopilot.security.UserSummary;
import com.salescopilot.support.KaribuTest;
import com.salescopilot.support.TestData;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

class UsersViewKaribuTest extends KaribuTest {

    @Autowired
    UserService users;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService userDetails;

    @Autowired
    PasswordEncoder passwordEncoder;

    private UsersView openUsers() {
        UI.getCurrent().navigate("users");
        return _get(UsersView.class);
    }

    private static int rowOf(UsersView view, String username) {
        List<UserSummary> rows = GridKt._fetch(view.grid, 0, 200);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).username().equals(username)) {
                return i;
            }
        }
        throw new AssertionError(username + " is not in the grid");
    }

    private static Button action(UsersView view, String username, String className) {
        return _find(GridKt._getCellComponent(view.grid, rowOf(view, username), "actions"), Button.class).stream()
                .filter(b -> b.hasClassName(className)).findFirst().orElseThrow();
    }

    @Test
    void anAdminCreatesAUser() {
        login(testData.newUser(Role.ADMIN));
        UsersView view = openUsers();
        String username = "new-" + UUID.randomUUID().toString().substring(0, 8);

        _click(view.create);
        UsersView.CreateUserDialog dialog = _get(UsersView.CreateUserDialog.class);
        _setValue(dialog.username, username);
        _setValue(dialog.displayName, "Anna Nowak");
        _setValue(dialog.password, "long-enough-1");
        _setValue(dialog.role, Role.MANAGER);
        _setValue(dialog.language, SupportedLocales.ENGLISH);
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        UserSummary created = users.findByUsername(username).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.MANAGER);
        assertThat(created.displayName()).isEqualTo("Anna Nowak");
        assertThat(created.locale()).isEqualTo("en");
        assertThat(GridKt._getFormatted(view.grid, rowOf(view, username), "role")).isEqualTo("Manager");
        assertThat(passwordEncoder.matches("long-enough-1", userDetails.loadUserByUsername(username).getPassword()))
                .isTrue();
    }

    @Test
    void createShowsValidationAndTakenUsernameErrors() {
        Actor existing = testData.newUser(Role.SELLER);
        login(testData.newUser(Role.ADMIN));
        UsersView view = openUsers();
        _click(view.create);
        UsersView.CreateUserDialog dialog = _get(UsersView.CreateUserDialog.class);

        _setValue(dialog.username, "a b");
        _setValue(dialog.password, "short");
        _click(dialog.save);
        assertThat(dialog.username.isInvalid()).isTrue();
        assertThat(dialog.password.isInvalid()).isTrue();
        assertThat(dialog.password.getErrorMessage()).isEqualTo("The password must have 8 to 128 characters.");

        _setValue(dialog.username, existing.username());
        _setValue(dialog.password, "long-enough-1");
        _click(dialog.save);
        assertThat(dialog.isOpened()).isTrue();
        assertThat(dialog.username.getErrorMessage()).isEqualTo("This username is already taken.");
    }

    @Test
    void anAdminChangesARoleDisablesAndResetsAPassword() {
        Actor seller = testData.newUser(Role.SELLER);
        login(testData.newUser(Role.ADMIN));
        UsersView view = openUsers();

        _click(action(view, seller.username(), "user-role"));
        UsersView.RoleDialog roleDialog = _get(UsersView.RoleDialog.class);
        _setValue(roleDialog.role, Role.MANAGER);
        _click(roleDialog.save);
        assertThat(users.find(seller.userId()).orElseThrow().role()).isEqualTo(Role.MANAGER);

        _click(action(view, seller.username(), "user-enable"));
        assertThat(users.find(seller.userId()).orElseThrow().enabled()).isFalse();
        assertThat(action(view, seller.username(), "user-enable").getText()).isEqualTo("Enable");
        _click(action(view, seller.username(), "user-enable"));
        assertThat(users.find(seller.userId()).orElseThrow().enabled()).isTrue();

        _click(action(view, seller.username(), "user-password"));
        UsersView.PasswordDialog passwordDialog = _get(UsersView.PasswordDialog.class);
        _setValue(passwordDialog.password, "brand-new-pass");
        _click(passwordDialog.save);
        assertThat(passwordDialog.isOpened()).isFalse();
        assertThat(passwordEncoder.matches("brand-new-pass",
                userDetails.loadUserByUsername(seller.username()).getPassword())).isTrue();
        assertThat(passwordEncoder.matches(TestData.PASSWORD,
                userDetails.loadUserByUsername(seller.username()).getPassword())).isFalse();
    }

    @Test
    void anAdminCannotDisableThemselvesAndSeesWhy() {
        Actor admin = testData.newUser(Role.ADMIN);
        login(admin);
        UsersView view = openUsers();
        _click(action(view, admin.username(), "user-enable"));

        assertThat(users.find(admin.userId()).orElseThrow().enabled()).isTrue();
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("You cannot disable your own account.");
    }

    @Test
    void aSellerIsDeniedTheUsersViewAndDoesNotSeeItInTheMenu() {
        login(testData.newUser(Role.SELLER));
        UI.getCurrent().navigate("");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).doesNotContain("Users");

        // Vaadin's access control refuses the route: the translated "not found" page, not Vaadin's own
        UI.getCurrent().navigate("users");
        assertThat(_find(UsersView.class)).isEmpty();
        assertThat(_get(AccessDeniedView.class).getElement().getTextRecursively())
                .contains("This page does not exist, or you do not have access to it.");
    }

    @Test
    void anAdminSeesUsersInTheMenu() {
        login(testData.newUser(Role.ADMIN));
        UI.getCurrent().navigate("");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("Dashboard", "Clients", "Users");
        assertThat(NavigatorKt.getCurrentPath()).isEmpty();
    }

    @Test
    void usersAreListedNewestFirstAndCanBeSortedByUsername() {
        login(testData.newUser(Role.ADMIN));
        UsersView view = openUsers();
        List<UserSummary> rows = GridKt._fetch(view.grid, 0, 50);
        assertThat(rows).extracting(UserSummary::createdAt)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        GridKt._sortByKey(view.grid, "username", com.vaadin.flow.data.provider.SortDirection.ASCENDING);
        rows = GridKt._fetch(view.grid, 0, 50);
        // compare first letters only: the database collation and Java disagree about punctuation
        assertThat(rows).extracting(u -> Character.toLowerCase(u.username().charAt(0))).isSorted();
    }
}
