package jp.tachiiri.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * SQLite's own checks of a data file, through a read-only connection of their own: {@code PRAGMA integrity_check}
 * (the file's structure: pages, indexes, constraints) and {@code PRAGMA foreign_key_check} (every reference points
 * at a row that exists). A restored copy must pass both before it takes the data folder's place.
 */
public final class SqliteChecks {

    /** What the checks found: each line as SQLite says it; both empty when the file is sound. */
    public record Findings(List<String> integrity, List<String> foreignKeys) {
        public boolean sound() {
            return integrity.isEmpty() && foreignKeys.isEmpty();
        }
    }

    private SqliteChecks() {
    }

    public static Findings of(Path file) {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly.toProperties());
             Statement statement = connection.createStatement()) {
            List<String> integrity = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                while (rows.next()) {
                    if (!"ok".equals(rows.getString(1))) {
                        integrity.add(rows.getString(1));
                    }
                }
            }
            List<String> foreignKeys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("PRAGMA foreign_key_check")) {
                while (rows.next()) {
                    // table, rowid of the row that refers, the table it refers to
                    foreignKeys.add(rows.getString(1) + " rowid " + rows.getString(2) + " → " + rows.getString(3));
                }
            }
            return new Findings(List.copyOf(integrity), List.copyOf(foreignKeys));
        } catch (SQLException e) {
            throw Database.failure(file, e, "store.error.open");
        }
    }
}
