package com.salescopilot.base;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes {@code ./mvnw spring-boot:run} and {@code ./mvnw verify} work on a PostgreSQL server on which
 * nothing has been created yet: before the data source starts, it tries the configured database and,
 * only if the database or the role is missing, connects to the server's maintenance database as an
 * administrator and creates them. Off with {@code copilot.database.bootstrap.enabled=false}; in
 * production the database normally exists and the first check passes, so nothing is touched.
 */
public class DatabaseBootstrap implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBootstrap.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment env = event.getEnvironment();
        if (!env.getProperty("copilot.database.bootstrap.enabled", Boolean.class, true)) {
            return;
        }
        String url = env.getProperty("spring.datasource.url");
        String user = env.getProperty("spring.datasource.username");
        String password = env.getProperty("spring.datasource.password", "");
        if (url == null || user == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        String adminUser = env.getProperty("copilot.database.bootstrap.admin-username", "postgres");
        String adminPassword = env.getProperty("copilot.database.bootstrap.admin-password", "");
        ensureDatabase(url, user, password, adminUser, adminPassword);
    }

    static void ensureDatabase(String url, String user, String password, String adminUser, String adminPassword) {
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return;
        } catch (SQLException e) {
            String state = e.getSQLState();
            // 3D000 invalid catalog (no database), 28000/28P01 role missing or bad password
            if (!"3D000".equals(state) && !"28000".equals(state) && !"28P01".equals(state)) {
                log.warn("Database check failed ({}): {}", state, e.getMessage());
                return;
            }
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        if (!IDENTIFIER.matcher(database).matches() || !IDENTIFIER.matcher(user).matches()) {
            log.warn("Not creating database '{}' / role '{}': only simple lower-case names are created automatically", database, user);
            return;
        }
        String adminUrl = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/postgres";
        try (Connection admin = DriverManager.getConnection(adminUrl, adminUser, adminPassword)) {
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", user)) {
                try (Statement st = admin.createStatement()) {
                    st.execute("create role " + user + " login password '" + password.replace("'", "''") + "'");
                }
                log.info("Created database role '{}'", user);
            }
            if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
                try (Statement st = admin.createStatement()) {
                    st.execute("create database " + database + " owner " + user + " encoding 'UTF8' template template0");
                }
                log.info("Created database '{}' owned by '{}'", database, user);
            }
        } catch (SQLException e) {
            log.warn("Could not create database '{}' as '{}': {}", database, adminUser, e.getMessage());
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            return ps.executeQuery().next();
        }
    }
}
