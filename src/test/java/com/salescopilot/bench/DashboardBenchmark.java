package com.salescopilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.salescopilot.base.TextNormalizer;
import com.salescopilot.security.Actor;
import com.salescopilot.security.Role;
import com.salescopilot.session.SessionFilter;
import com.salescopilot.session.SessionRow;
import com.salescopilot.session.SessionService;
import com.salescopilot.session.SessionStatus;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.test.context.ActiveProfiles;

/**
 * The dashboard at 1,000,000 sessions, measured through {@link SessionService#dashboard} (the path the
 * view and the REST API take), not raw SQL. Run with {@code ./mvnw -Pbenchmark verify}; it writes the
 * section "Dashboard at 1,000,000 sessions" of {@code docs/benchmarks.md}.
 *
 * <p>It uses its own database {@code copilot_bench} (created by DatabaseBootstrap, schema by
 * Liquibase) and generates the data in SQL once; later runs reuse it.
 */
@Tag("benchmark")
@ActiveProfiles("test")
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/copilot_bench",
        "spring.datasource.username=copilot_bench",
        "spring.datasource.password=copilot_bench",
        "spring.datasource.hikari.maximum-pool-size=4",
        "logging.level.com.salescopilot=WARN"})
class DashboardBenchmark {

    static final int SELLERS = 200;
    static final int CLIENTS = 50_000;
    static final int SESSIONS = 1_000_000;
    static final int PAGE = 50;
    static final int WARM_UP = 200;
    static final int ITERATIONS = 1_000;
    static final double GOAL_P95_MS = 10.0;
    static final String COMMAND = "./mvnw -Pbenchmark verify";
    static final String SECTION = "## Dashboard at 1,000,000 sessions";

    @TestConfiguration
    static class Capture {
        @Bean
        static BeanPostProcessor sqlCapture() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource ds && !(bean instanceof SqlCapture) ? new SqlCapture(ds) : bean;
                }
            };
        }
    }

    @Autowired
    SessionService sessions;
    @Autowired
    DataSource dataSource;

    /** A dashboard request to measure; {@code actor} gets the iteration number to rotate sellers. */
    record Shape(String name, IntFunction<Actor> actor, SessionFilter filter, int page, boolean goal) {
    }

    record Result(Shape shape, double p50, double p95, double p99, double max, double mean, int rows, String plan,
                  String planSummary, String buffers, String executionTime) {
    }

    @Test
    void dashboardAtOneMillionSessions() throws Exception {
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        String generation = ensureData();
        analyze();

        List<Long> sellerIds = longs("select id from app_user where username like 'bench-seller-%' order by id");
        long managerId = longs("select id from app_user where username = 'bench-manager'").getFirst();
        assertThat(sellerIds).hasSize(SELLERS);
        IntFunction<Actor> seller = i -> new Actor(sellerIds.get(i % SELLERS), "bench-seller", Role.SELLER);
        IntFunction<Actor> manager = i -> new Actor(managerId, "bench-manager", Role.MANAGER);

        List<Shape> shapes = List.of(
                new Shape("Seller: own sessions, newest 50", seller, SessionFilter.none(), 0, true),
                new Shape("Seller: status = active", seller, filter(SessionStatus.ACTIVE, null), 0, true),
                new Shape("Seller: status = closed", seller, filter(SessionStatus.CLOSED, null), 0, true),
                new Shape("Manager: all sessions, newest 50", manager, SessionFilter.none(), 0, true),
                new Shape("Manager: status = active", manager, filter(SessionStatus.ACTIVE, null), 0, true),
                new Shape("Manager: status = closed", manager, filter(SessionStatus.CLOSED, null), 0, true),
                new Shape("Seller: alias contains \"nowak\"", seller, filter(null, "nowak"), 0, false),
                new Shape("Manager: alias contains \"Kowalsk\" (~3% of clients)", manager, filter(null, "Kowalsk"), 0,
                        false),
                new Shape("Manager: alias contains \"Zofia Wiśniewska, Łódź\" (a few clients)", manager,
                        filter(null, "Zofia Wiśniewska, Łódź"), 0, false),
                new Shape("Manager: status = active, page 21 (offset 1,000)", manager,
                        filter(SessionStatus.ACTIVE, null), 20, false));

        List<Result> results = new ArrayList<>();
        for (Shape shape : shapes) {
            results.add(measure(shape));
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        writeReport(results, generation, loadBefore, loadAfter);

        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-70s p50 %6.2f  p95 %6.2f  p99 %6.2f ms  rows %d%n", r.shape().name(), r.p50(),
                    r.p95(), r.p99(), r.rows());
        }
        // A benchmark reports; it fails only when the data or the path is wrong, not on a slow figure.
        assertThat(results).allSatisfy(r -> assertThat(r.rows()).isPositive());
    }

    private static SessionFilter filter(SessionStatus status, String alias) {
        return new SessionFilter(status, alias, null);
    }

    private Result measure(Shape shape) throws SQLException {
        PageRequest pageable = PageRequest.of(shape.page(), PAGE);
        for (int i = 0; i < WARM_UP; i++) {
            sessions.dashboard(shape.actor().apply(i), shape.filter(), pageable);
        }
        long[] nanos = new long[ITERATIONS];
        int rows = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            Actor actor = shape.actor().apply(i);
            long start = System.nanoTime();
            Slice<SessionRow> slice = sessions.dashboard(actor, shape.filter(), pageable);
            nanos[i] = System.nanoTime() - start;
            rows = Math.max(rows, slice.getNumberOfElements());
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;

        List<SqlCapture.Statement> statements = SqlCapture.capture(
                () -> sessions.dashboard(shape.actor().apply(0), shape.filter(), pageable),
                sql -> sql.contains("from sales_session"));
        assertThat(statements).as("the dashboard statement of " + shape.name()).hasSize(1);
        String plan = explain(statements.getFirst());
        return new Result(shape, percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99),
                nanos[nanos.length - 1] / 1e6, mean, rows, plan, summarize(plan), buffers(plan), executionTime(plan));
    }

    private static double percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    // ---- data -------------------------------------------------------------------------------------

    /** Generates the data unless a complete set is already there; returns what it did, for the report. */
    private String ensureData() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long sessionsThere = single(st, "select count(*) from sales_session");
            long managers = single(st, "select count(*) from app_user where username = 'bench-manager'");
            if (sessionsThere == SESSIONS && managers == 1) {
                try (ResultSet rs = st.executeQuery("select obj_description('sales_session'::regclass, 'pg_class')")) {
                    String generated = rs.next() ? rs.getString(1) : null;
                    return "reused from an earlier run" + (generated == null ? "" : ", which " + generated);
                }
            }
            long start = System.nanoTime();
            st.execute("truncate interaction, sales_session, client");
            st.execute("delete from app_user where username like 'bench-%'");
            st.execute("set synchronous_commit = off");
            st.execute("select setseed(0.2026)");
            st.execute("""
                    insert into app_user (username, password_hash, display_name, role, locale)
                    select 'bench-seller-' || lpad(g::text, 3, '0'), '{noop}bench-password', 'Sprzedawca ' || g,
                           'SELLER', 'pl'
                    from generate_series(1, %d) g
                    union all
                    select 'bench-manager', '{noop}bench-password', 'Kierownik', 'MANAGER', 'pl'
                    """.formatted(SELLERS));
            // Polish-ish aliases: first name, surname (feminine form for women), city.
            st.execute("""
                    insert into client (owner_id, alias, alias_norm, created_at, updated_at)
                    select owner_id, alias,
                           lower(translate(alias, 'ĄĆĘŁŃÓŚŹŻąćęłńóśźż', 'ACELNOSZZacelnoszz')), created, created
                    from (
                        select s.ids[1 + (g %% %1$d)] as owner_id,
                               f.name || ' ' || case when f.name like '%%a'
                                                     then regexp_replace(n.surname, '(sk|ck|dzk)i$', '\\1a')
                                                     else n.surname end || ', ' || t.city as alias,
                               now() - random() * interval '900 days' as created
                        from generate_series(1, %2$d) g
                        cross join lateral (select array_agg(id order by id) ids from app_user
                                            where username like 'bench-seller-%%') s
                        cross join lateral (select (array['Anna','Małgorzata','Katarzyna','Agnieszka','Barbara','Ewa',
                                'Krystyna','Elżbieta','Zofia','Joanna','Żaneta','Jadwiga','Łucja','Urszula','Halina',
                                'Piotr','Krzysztof','Andrzej','Tomasz','Paweł','Michał','Marcin','Łukasz','Grzegorz',
                                'Józef','Jerzy','Wojciech','Mikołaj','Bartłomiej','Zbigniew'])
                                [1 + floor(random() * 30)::int + (g * 0)] as name) f
                        cross join lateral (select (array['Nowak','Kowalski','Wiśniewski','Wójcik','Kowalczyk',
                                'Kamiński','Lewandowski','Zieliński','Szymański','Woźniak','Dąbrowski','Kozłowski',
                                'Jankowski','Mazur','Kwiatkowski','Krawczyk','Piotrowski','Grabowski','Nowakowski',
                                'Pawłowski','Michalski','Król','Wieczorek','Jabłoński','Wróbel','Majewski','Olszewski',
                                'Stępień','Jaworski','Malinowski','Górski','Sikora','Żak','Łuczak'])
                                [1 + floor(random() * 34)::int + (g * 0)] as surname) n
                        cross join lateral (select (array['Łódź','Kraków','Gdańsk','Poznań','Wrocław','Szczecin',
                                'Bydgoszcz','Lublin','Białystok','Katowice','Rzeszów','Toruń','Kielce','Olsztyn','Opole',
                                'Zielona Góra','Częstochowa','Radom','Sosnowiec','Gliwice'])
                                [1 + floor(random() * 20)::int + (g * 0)] as city) t
                    ) x
                    """.formatted(SELLERS, CLIENTS));
            // Sessions: activity denser in recent months (up to two years back), 20% closed (45% of them won).
            st.execute("""
                    create temporary table bench_client as
                    select row_number() over (order by id) as rn, id, owner_id from client
                    """);
            st.execute("""
                    insert into sales_session (client_id, owner_id, status, outcome, outcome_data, language, created_at,
                                               last_activity_at)
                    select c.id, c.owner_id,
                           case when x.closed then 'closed' else 'active' end,
                           case when x.closed then x.outcome end,
                           case when x.closed then jsonb_build_object(
                               'outcome', x.outcome,
                               'reason', case when x.outcome = 'lost' then (array['price','competitor','timing',
                                   'financing','product_fit','no_response','other'])[1 + floor(x.r5 * 7)::int] end,
                               'competitor', null, 'value', null, 'currency', 'PLN', 'note', null,
                               'concludedBy', 'bench-seller', 'concludedById', c.owner_id,
                               'concludedAt', extract(epoch from x.last_activity)) end,
                           'pl', x.last_activity - x.r2 * interval '21 days', x.last_activity
                    from (
                        select 1 + floor(random() * %d)::int as cn,
                               now() - power(random(), 2) * interval '730 days' as last_activity,
                               random() as r2,
                               random() < 0.2 as closed,
                               case when random() < 0.45 then 'won' else 'lost' end as outcome,
                               random() as r5
                        from generate_series(1, %d) g
                    ) x
                    join bench_client c on c.rn = x.cn
                    """.formatted(CLIENTS, SESSIONS));
            st.execute("drop table bench_client");
            st.execute("vacuum (analyze) app_user, client, sales_session");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            String generated = "generated it in %d s on %s (users, clients, sessions, VACUUM ANALYZE)"
                    .formatted(took.toSeconds(), LocalDate.now(ZoneOffset.UTC));
            st.execute("comment on table sales_session is '" + generated + "'");
            return "this run " + generated;
        }
    }

    private void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("analyze app_user, client, sales_session");
            // The folded alias the generator wrote must equal what the application would write.
            try (ResultSet rs = st.executeQuery("select alias, alias_norm from client order by id limit 200")) {
                while (rs.next()) {
                    assertThat(rs.getString(2)).isEqualTo(TextNormalizer.fold(rs.getString(1)));
                }
            }
        }
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- plans ------------------------------------------------------------------------------------

    private String explain(SqlCapture.Statement statement) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("explain (analyze, buffers) " + statement.sql())) {
            int i = 1;
            for (Object parameter : statement.orderedParameters()) {
                ps.setObject(i++, parameter);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    private static final Pattern NODE_DETAILS = Pattern.compile("\\s*\\((cost|actual)[^)]*\\)");

    /** The plan's nodes, top-down, without costs: "Limit → Nested Loop → Index Scan using … ". */
    static String summarize(String plan) {
        return plan.lines()
                .filter(line -> !line.isBlank())
                .filter(line -> line.contains("->") || !Character.isWhitespace(line.charAt(0)))
                .filter(line -> !line.startsWith("Planning") && !line.startsWith("Execution"))
                .map(line -> NODE_DETAILS.matcher(line).replaceAll("").replace("->", "").strip())
                .collect(Collectors.joining(" → "));
    }

    static String buffers(String plan) {
        return plan.lines().map(String::strip).filter(l -> l.startsWith("Buffers:")).findFirst()
                .map(l -> l.substring("Buffers:".length()).strip()).orElse("");
    }

    static String executionTime(String plan) {
        Matcher m = Pattern.compile("Execution Time: ([0-9.]+) ms").matcher(plan);
        return m.find() ? m.group(1) + " ms" : "";
    }

    // ---- report -----------------------------------------------------------------------------------

    private void writeReport(List<Result> results, String generation, double loadBefore, double loadAfter)
            throws IOException, SQLException {
        StringBuilder md = new StringBuilder();
        md.append(SECTION).append("\n\n");
        md.append("Measured on ").append(LocalDate.now(ZoneOffset.UTC)).append(" with `").append(COMMAND)
                .append("` (`src/test/java/com/salescopilot/bench/DashboardBenchmark.java`, JUnit tag `benchmark`).\n\n");
        md.append("**Data** (database `copilot_bench`, ").append(generation).append("): ")
                .append(String.format(Locale.ROOT, "%,d", SESSIONS)).append(" sessions of ")
                .append(String.format(Locale.ROOT, "%,d", CLIENTS)).append(" clients with Polish aliases, ")
                .append(SELLERS).append(" sellers (~").append(SESSIONS / SELLERS)
                .append(" sessions each) and one manager; last activity spread over two years, denser in recent months; ")
                .append("20% closed. ").append(tableSizes()).append("\n\n");
        md.append("**Method**: every figure is one call of `SessionService.dashboard(actor, filter, PageRequest.of(page, 50))`")
                .append(" — the path the dashboard view and `GET /api/v1/sessions` take (read-only transaction, SQL,")
                .append(" row mapping) — timed in the JVM; ").append(WARM_UP).append(" warm-up calls, then ")
                .append(ITERATIONS).append(" measured calls per shape, one at a time. Seller shapes rotate over all ")
                .append(SELLERS).append(" sellers. The plans below are `EXPLAIN (ANALYZE, BUFFERS)` of the exact")
                .append(" statement and parameters that call sent (captured at the JDBC driver). The data is in")
                .append(" memory (warm cache), as it is for a dashboard in use.\n\n");
        md.append("**Goal** (issue 2): a page of 50 for one seller or for a manager across all, with a status filter, ")
                .append("newest first, ≤ ").append((int) GOAL_P95_MS).append(" ms p95.\n\n");

        md.append("| shape | p50 ms | p95 ms | p99 ms | max ms | rows | goal ≤ 10 ms p95 |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        for (Result r : results) {
            String goal = r.shape().goal() ? (r.p95() <= GOAL_P95_MS ? "met" : "**missed**") : "(not a goal shape)";
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %d | %s |%n", r.shape().name(),
                    r.p50(), r.p95(), r.p99(), r.max(), r.rows(), goal));
        }
        md.append("\n### Plans\n\n");
        md.append("| shape | plan (nodes, top-down) | buffers | execution |\n|---|---|---|---:|\n");
        for (Result r : results) {
            md.append("| ").append(r.shape().name()).append(" | ").append(r.planSummary().replace("|", "\\|"))
                    .append(" | ").append(r.buffers()).append(" | ").append(r.executionTime()).append(" |\n");
        }
        md.append("\n<details><summary>Full EXPLAIN (ANALYZE, BUFFERS) output</summary>\n\n");
        for (Result r : results) {
            md.append("**").append(r.shape().name()).append("**\n\n```\n").append(r.plan()).append("```\n\n");
        }
        md.append("</details>\n\n");
        md.append("**Machine**: ").append(machine(loadBefore, loadAfter)).append("\n");

        Path file = Path.of("docs", "benchmarks.md");
        String existing = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8)
                : "# Benchmarks\n\nFigures measured on this project's build machine. Each section says how to repeat it.\n\n";
        Files.createDirectories(file.getParent());
        Files.writeString(file, replaceSection(existing, md.toString()), StandardCharsets.UTF_8);
    }

    /** Replaces the section (from its heading to the next "## " heading) or appends it. */
    static String replaceSection(String document, String section) {
        int start = document.indexOf(SECTION);
        if (start < 0) {
            return document.stripTrailing() + "\n\n" + section;
        }
        int next = document.indexOf("\n## ", start + SECTION.length());
        String tail = next < 0 ? "" : "\n" + document.substring(next + 1);
        return document.substring(0, start) + section + tail;
    }

    private String tableSizes() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select pg_size_pretty(pg_table_size('sales_session')),
                            pg_size_pretty(pg_indexes_size('sales_session')),
                            pg_size_pretty(pg_total_relation_size('client'))""")) {
            rs.next();
            return "Sizes: `sales_session` " + rs.getString(1) + " of rows and " + rs.getString(2)
                    + " of indexes; `client` " + rs.getString(3) + " with indexes.";
        }
    }

    private String machine(double loadBefore, double loadAfter) throws SQLException {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException ignored) {
            // not Linux
        }
        long memoryGb = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memoryGb = Math.round(os.getTotalMemorySize() / 1024.0 / 1024 / 1024);
        }
        String pg;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select split_part(version(), ' ', 2), current_setting('shared_buffers'),"
                     + " current_setting('work_mem'), current_setting('random_page_cost')")) {
            rs.next();
            pg = "PostgreSQL " + rs.getString(1) + " on the same machine over TCP (127.0.0.1), default settings"
                    + " (shared_buffers " + rs.getString(2) + ", work_mem " + rs.getString(3) + ", random_page_cost "
                    + rs.getString(4) + ")";
        }
        return String.format(Locale.ROOT,
                "%d cores (%s), %d GB RAM, no swap; %s; Java %s; HikariCP pool of 4. System load average %.2f before"
                        + " and %.2f after the run (other builds may share the 2 cores: figures are not from an idle"
                        + " machine when the load is above ~1).",
                Runtime.getRuntime().availableProcessors(), cpu, memoryGb, pg, System.getProperty("java.version"),
                loadBefore, loadAfter);
    }
}
