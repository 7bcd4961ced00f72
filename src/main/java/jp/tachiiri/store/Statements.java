package jp.tachiiri.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of one piece of work on a connection (an import, one change's transaction), each distinct SQL
 * prepared once: a national import writes hundreds of thousands of rows with a dozen statements, a tap on an
 * answer several audit events with one. The table writers ({@link FindingsTable} and its kind) write through it,
 * so that recording here and importing run the same statements. Closed when the work is done.
 */
final class Statements implements AutoCloseable {

    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection connection) {
        this.connection = connection;
    }

    /** Runs an INSERT, UPDATE or DELETE; returns the number of rows it changed. */
    int update(String sql, Object... parameters) throws SQLException {
        return bound(sql, parameters).executeUpdate();
    }

    <T> List<T> query(String sql, Rows.RowMapper<T> mapper, Object... parameters) throws SQLException {
        List<T> result = new ArrayList<>();
        try (ResultSet rows = bound(sql, parameters).executeQuery()) {
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
        }
        return result;
    }

    private PreparedStatement bound(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            prepared.put(sql, statement);
        }
        statement.clearParameters();
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    /** Closes the prepared statements; what they wrote stays in the caller's transaction. */
    @Override
    public void close() {
        for (PreparedStatement statement : prepared.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // Closing a statement whose work is done; nothing is lost.
            }
        }
        prepared.clear();
    }
}
