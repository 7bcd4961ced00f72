package jp.tachiiri.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the store's prepared statements for the next use of the same SQL on its one connection. sqlite-jdbc has no
 * statement cache: every {@code prepareStatement} compiles the SQL again, which was a tenth of the time of a tap's
 * save and most of its CPU (docs/performance.md). The store's code stays plain JDBC — prepare, use, close — and this
 * connection turns the close into a reset: the statement's result set is closed (so it holds no read snapshot and
 * a VACUUM or a checkpoint is not blocked), its parameters cleared, and it waits for the same SQL. Only a statement
 * used the plain way (parameters, {@code executeQuery}, {@code executeUpdate}) is kept: one that ran a batch, was
 * run with {@code execute} or had its limits set ({@link #CHANGING}) is closed instead, so that nothing it carries
 * reaches the next user. A statement in use is never handed out twice; nested uses of one SQL get a second one. The
 * least recently used SQL goes when more than {@link #CAPACITY} are kept. Closing the connection closes them all.
 * As in plain JDBC, a result set must not be read after its statement is closed: here it would be closed, and
 * opened again by the statement's next user.
 */
final class StatementCache implements InvocationHandler {

    /** Distinct SQL texts kept: the store has a few hundred, of which a session uses a fraction. */
    static final int CAPACITY = 256;
    /** What leaves a statement in a state its next user would inherit: such a statement is closed, not kept. */
    private static final Set<String> CHANGING = Set.of("execute", "addBatch", "executeBatch", "executeLargeBatch",
            "clearBatch", "getMoreResults", "closeOnCompletion", "setMaxRows", "setLargeMaxRows", "setFetchSize",
            "setFetchDirection", "setQueryTimeout", "setPoolable", "setEscapeProcessing", "setCursorName");

    private final Connection connection;
    private final Map<String, Deque<PreparedStatement>> idle = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<PreparedStatement>> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            eldest.getValue().forEach(StatementCache::closeQuietly);
            return true;
        }
    };
    private Connection proxy;

    private StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** {@code connection}, its {@code prepareStatement(String)} served from the cache. */
    static Connection caching(Connection connection) {
        StatementCache cache = new StatementCache(connection);
        cache.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, cache);
        return cache.proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] arguments) throws Throwable {
        Object identity = identity(self, method, arguments);
        if (identity != null) {
            return identity;
        }
        if (method.getName().equals("prepareStatement") && arguments.length == 1) {
            return take((String) arguments[0]);
        }
        if (method.getName().equals("close") && method.getParameterCount() == 0) {
            closeAll();
        }
        return forward(connection, method, arguments);
    }

    private synchronized PreparedStatement take(String sql) throws SQLException {
        Deque<PreparedStatement> waiting = idle.get(sql);
        PreparedStatement statement = waiting == null || waiting.isEmpty() ? connection.prepareStatement(sql) : waiting.pop();
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new Lent(sql, statement));
    }

    private synchronized void giveBack(String sql, PreparedStatement statement) {
        idle.computeIfAbsent(sql, unused -> new ArrayDeque<>()).push(statement);
    }

    private synchronized void closeAll() {
        idle.values().forEach(statements -> statements.forEach(StatementCache::closeQuietly));
        idle.clear();
    }

    /** A proxy is equal to itself only, and tells what it is even when closed; null for any other method. */
    private static Object identity(Object self, Method method, Object[] arguments) {
        return switch (method.getName()) {
            case "equals" -> method.getParameterCount() == 1 ? (Object) (self == arguments[0]) : null;
            case "hashCode" -> method.getParameterCount() == 0 ? (Object) System.identityHashCode(self) : null;
            case "toString" -> method.getParameterCount() == 0
                    ? self.getClass().getInterfaces()[0].getSimpleName() + "@" + Integer.toHexString(System.identityHashCode(self))
                    : null;
            default -> null;
        };
    }

    private static Object forward(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // A statement with no work left; closing it loses nothing.
        }
    }

    /** One use of a cached statement, from {@code prepareStatement} until {@code close}. */
    private final class Lent implements InvocationHandler {
        private final String sql;
        private final PreparedStatement statement;
        private ResultSet results;
        private boolean closed;
        /** False once the statement was used in a way its next user would inherit. */
        private boolean reusable = true;

        Lent(String sql, PreparedStatement statement) {
            this.sql = sql;
            this.statement = statement;
        }

        @Override
        public Object invoke(Object self, Method method, Object[] arguments) throws Throwable {
            Object identity = identity(self, method, arguments);
            if (identity != null) {
                return identity;
            }
            if (CHANGING.contains(method.getName())) {
                reusable = false;
            }
            switch (method.getName()) {
                case "close":
                    giveBackOnce();
                    return null;
                case "isClosed":
                    return closed;
                case "getConnection":
                    return proxy;
                default:
                    if (closed) {
                        throw new SQLException("statement closed: " + sql);
                    }
                    Object result = forward(statement, method, arguments);
                    if (result instanceof ResultSet rows) {
                        results = rows;
                    }
                    return result;
            }
        }

        /**
         * Resets the statement (closing its results ends its read) and keeps it; closes it instead when it was used in
         * a way its next user would inherit, or when the driver no longer lets it be reset (after a failed step
         * sqlite-jdbc may have finalized it).
         */
        private void giveBackOnce() throws SQLException {
            if (closed) {
                return;
            }
            closed = true;
            if (results != null) {
                results.close();
            }
            if (statement.isClosed()) {
                return;
            }
            if (!reusable) {
                statement.close();
                return;
            }
            try {
                statement.clearParameters();
            } catch (SQLException notExecuting) {
                closeQuietly(statement);
                return;
            }
            giveBack(sql, statement);
        }
    }
}
