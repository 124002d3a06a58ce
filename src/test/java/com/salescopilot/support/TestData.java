package com.salescopilot.support;

import com.salescopilot.security.Actor;
import com.salescopilot.security.NewUser;
import com.salescopilot.security.Role;
import com.salescopilot.security.UserService;
import com.salescopilot.security.UserSummary;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Creates users with unique names, so tests sharing the database never see each other's data. */
@TestComponent
public class TestData {

    public static final String PASSWORD = "secret-password-1";

    private final UserService users;

    public TestData(UserService users) {
        this.users = users;
    }

    public Actor admin() {
        UserSummary admin = users.findByUsername("admin").orElseThrow();
        return new Actor(admin.id(), admin.username(), Role.ADMIN);
    }

    public Actor newUser(Role role) {
        return newUser(role, "en");
    }

    public Actor newUser(Role role, String locale) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        UserSummary user = users.create(admin(), new NewUser(username, PASSWORD, "Test " + username, role, locale));
        return new Actor(user.id(), user.username(), role);
    }
}
