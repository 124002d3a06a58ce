package com.salescopilot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.support.IntegrationTest;
import com.salescopilot.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

@IntegrationTest
class UserServiceTest {

    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    TestData data;

    @Test
    void theFirstAdminExistsFromConfiguration() {
        assertThat(users.findByUsername("admin")).get().extracting(UserSummary::role).isEqualTo(Role.ADMIN);
    }

    @Test
    void adminManagesRolesAccountsAndPasswords() {
        Actor admin = data.admin();
        Actor seller = data.newUser(Role.SELLER);
        assertThat(users.changeRole(admin, seller.userId(), Role.MANAGER).role()).isEqualTo(Role.MANAGER);
        assertThat(users.changeEnabled(admin, seller.userId(), false).enabled()).isFalse();
        assertThat(userDetails.loadUserByUsername(seller.username()).isEnabled()).isFalse();
        users.changeEnabled(admin, seller.userId(), true);
        users.resetPassword(admin, seller.userId(), "a-brand-new-password");
        assertThat(userDetails.loadUserByUsername(seller.username()).getPassword()).startsWith("{bcrypt}");
        assertThatThrownBy(() -> users.resetPassword(admin, seller.userId(), "short")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void onlyAdminsManageUsersAndNobodyLocksTheAdminsOut() {
        Actor seller = data.newUser(Role.SELLER);
        assertThatThrownBy(() -> users.changeRole(seller, seller.userId(), Role.ADMIN)).isInstanceOf(AccessDeniedException.class);
        Actor admin = data.admin();
        assertThatThrownBy(() -> users.changeEnabled(admin, admin.userId(), false))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void theLanguageIsRememberedPerUser() {
        Actor seller = data.newUser(Role.SELLER, "pl");
        users.changeOwnLocale(seller, java.util.Locale.ENGLISH);
        assertThat(users.localeOf(seller.userId()).getLanguage()).isEqualTo("en");
    }
}
