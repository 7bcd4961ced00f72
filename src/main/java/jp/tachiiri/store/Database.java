package jp.tachiiri.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * The one SQLite file of a data folder: WAL, synchronous=FULL, foreign keys on. Opening applies the numbered
 * migrations under {@code db/migrations/}; a file written by a newer version of the application, or a file
 * that is not ours, is refused without being touched. All access goes through one connection, one
 * transaction at a time.
 */
public final class Database implements AutoCloseable {

    /** The migrations in order; the schema version of a file is the number of them applied. */
    static final List<String> MIGRATIONS = List.of("001-initial.sql", "002-bundles.sql", "003-review.sql",
            "004-conflict-choice.sql");
    public static final int SCHEMA_VERSION = MIGRATIONS.size();
    /** Marks a SQLite file as Tachiiri's ("TCHI"). */
    static final int APPLICATION_ID = 0x54434849;

    private final Path file;
    private final Connection connection;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    public static Database open(Path file) {
        if (Files.exists(file)) {
            refuseIfNotOpenable(file);
        }
        Connection connection = null;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.enforceForeignKeys(true);
            config.setBusyTimeout(5_000);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // Nothing reads generated keys; without this the driver asks for last_insert_rowid() after every insert.
            config.setGetGeneratedKeys(false);
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
            Database database = new Database(file, connection);
            database.migrate();
            return database;
        } catch (SQLException | IOException e) {
            closeQuietly(connection);
            throw new StoreException(e, "store.error.open", file, e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /**
     * Runs store operations made through the repositories, each a transaction of its own, as one transaction:
     * all or nothing, even when the process is killed half-way (e.g. the demo, seeded in many steps).
     */
    public synchronized <T> T atomically(Supplier<T> work) {
        return transaction(connection -> work.get());
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. Inside another
     * transaction it is a savepoint of that one, undone alone when it throws.
     */
    synchronized <T> T transaction(SqlWork<T> work) {
        try {
            return inTransaction(work);
        } catch (SQLException e) {
            throw new StoreException(e, "store.error.write", file, e.getMessage());
        }
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        if (!connection.getAutoCommit()) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = work.run(connection);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
                throw e;
            }
        }
        connection.setAutoCommit(false);
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Runs a read outside any explicit transaction. */
    synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(e, "store.error.read", file, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException(e, "store.error.write", file, e.getMessage());
        }
    }

    /** A file we never migrated has no tables; one that has tables belongs to some other program. */
    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
            return rows.next() && rows.getInt(1) > 0;
        }
    }

    /**
     * Looks at an existing file through a read-only connection first, so that a file we must refuse is
     * never switched to WAL or migrated.
     */
    private static void refuseIfNotOpenable(Path file) {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (Connection probe = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), readOnly.toProperties())) {
            int applicationId = pragma(probe, "application_id");
            int version = pragma(probe, "user_version");
            boolean unmarkedButNotEmpty = applicationId == 0 && version == 0 && hasTables(probe);
            if (applicationId != 0 && applicationId != APPLICATION_ID || unmarkedButNotEmpty) {
                throw new StoreException(null, "store.error.foreignFile", file);
            }
            if (version > SCHEMA_VERSION) {
                throw new StoreException(null, "store.error.newerSchema", file, version, SCHEMA_VERSION);
            }
        } catch (SQLException e) {
            throw new StoreException(e, "store.error.notDatabase", file, e.getMessage());
        }
    }

    private void migrate() throws SQLException {
        inTransaction(connection -> {
            int version = pragma(connection, "user_version");
            try (Statement statement = connection.createStatement()) {
                for (int next = version; next < SCHEMA_VERSION; next++) {
                    for (String sql : statements(MIGRATIONS.get(next))) {
                        statement.executeUpdate(sql);
                    }
                }
                statement.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                statement.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            return null;
        });
    }

    private static int pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /** Splits a migration into statements; a trigger's body (BEGIN … END;) stays in one piece. */
    static List<String> statements(String migration) {
        String script;
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream("db/migrations/" + migration)) {
            if (in == null) {
                throw new IllegalStateException("migration missing from the build: " + migration);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inTrigger = false;
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || (trimmed.isEmpty() && current.length() == 0)) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.toUpperCase().startsWith("CREATE TRIGGER")) {
                inTrigger = true;
            }
            boolean ends = inTrigger ? trimmed.equalsIgnoreCase("END;") : trimmed.endsWith(";");
            if (ends) {
                statements.add(current.toString().strip());
                current.setLength(0);
                inTrigger = false;
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException("migration " + migration + " ends without ';'");
        }
        return statements;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already failing; the first error is the one worth reporting.
            }
        }
    }
}
