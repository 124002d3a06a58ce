package com.salescopilot.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL text and the bound parameters of the prepared statements the application runs, so
 * that the benchmark can EXPLAIN exactly what the real code path sends. Connections are wrapped only
 * while {@link #capture} runs; measured calls get the pool's connections untouched.
 */
final class SqlCapture extends DelegatingDataSource {

    /** One prepared statement as executed: its text and its parameters by position. */
    record Statement(String sql, Map<Integer, Object> parameters) {

        List<Object> orderedParameters() {
            return new ArrayList<>(parameters.values());
        }
    }

    private static final ThreadLocal<List<Statement>> CAPTURED = new ThreadLocal<>();

    SqlCapture(DataSource target) {
        super(target);
    }

    /** Runs {@code action} and returns the prepared statements it executed whose SQL matches {@code filter}. */
    static List<Statement> capture(Runnable action, Predicate<String> filter) {
        List<Statement> statements = new ArrayList<>();
        CAPTURED.set(statements);
        try {
            action.run();
        } finally {
            CAPTURED.remove();
        }
        return statements.stream().filter(s -> filter.test(s.sql())).toList();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return wrap(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return wrap(super.getConnection(username, password));
    }

    private static Connection wrap(Connection connection) {
        List<Statement> sink = CAPTURED.get();
        if (sink == null) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (method.getName().equals("prepareStatement") && args != null && args[0] instanceof String sql
                            && result instanceof PreparedStatement ps) {
                        Statement statement = new Statement(sql, new TreeMap<>());
                        sink.add(statement);
                        return recording(ps, statement);
                    }
                    return result;
                });
    }

    private static PreparedStatement recording(PreparedStatement target, Statement statement) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2
                    && args[0] instanceof Integer index && method.getDeclaringClass() == PreparedStatement.class) {
                statement.parameters().put(index, args[1]);
            }
            return invoke(target, method, args);
        };
        return (PreparedStatement) Proxy.newProxyInstance(SqlCapture.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
