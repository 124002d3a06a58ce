package com.salescopilot.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserService users;
    private final AdminProperties properties;

    AdminBootstrap(UserService users, AdminProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.exists(properties.username())) {
            return;
        }
        String password = properties.password();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        users.createUnchecked(new NewUser(properties.username(), password, properties.displayName(), Role.ADMIN, "pl"));
        if (generated) {
            log.warn("Created the first administrator '{}' with the generated password: {}  (shown once; change it in Users)",
                    properties.username(), password);
        } else {
            log.info("Created the first administrator '{}'", properties.username());
        }
    }
}
