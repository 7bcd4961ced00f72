package jp.tachiiri.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import jp.tachiiri.files.AtomicFile;

/**
 * The one SQLite file of a data folder: WAL, synchronous=FULL, foreign keys on. Opening applies the numbered
 * migrations under {@code db/migrations/}; a file written by a newer version of the application, or a file
 * that is not ours, is refused without being touched. All access goes through one connection, one
 * transaction at a time.
 *
 * <p>A file in a folder this process may not write (a read-only share, a write-protected card) is opened
 * read-only: what is stored can be read, every change is refused with a message saying why. A failure SQLite
 * reports is told by its cause where the user can act on it: another program writing, a full disk, a
 * damaged file.
 */
public final class Database implements AutoCloseable {

    /** The migrations in order; the schema version of a file is the number of them applied. */
    static final List<String> MIGRATIONS = List.of("001-initial.sql", "002-bundles.sql", "003-review.sql",
            "004-conflict-choice.sql", "005-trust.sql", "006-facility-type.sql", "007-self-check.sql",
            "008-plan-self-check.sql", "009-sealing-keys.sql", "010-follow-up.sql", "011-follow-up-on-site.sql");
    public static final int SCHEMA_VERSION = MIGRATIONS.size();
    /** Marks a SQLite file as Tachiiri's ("TCHI"). */
    static final int APPLICATION_ID = 0x54434849;

    private final Path file;
    private final Connection connection;
    private final boolean readOnly;

    private Database(Path file, Connection connection, boolean readOnly) {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
    }

    public static Database open(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        boolean exists = Files.exists(file);
        if (exists && !(Files.isWritable(folder) && Files.isWritable(file))) {
            return openReadOnly(file);
        }
        if (!exists && Files.isDirectory(folder) && !Files.isWritable(folder)) {
            throw new StoreException(null, "store.error.cannotCreate", folder);
        }
        if (exists) {
            refuseIfNotOpenable(file);
        }
        Connection connection = null;
        try {
            AtomicFile.createFolders(file.toAbsolutePath().getParent());
            connection = StatementCache.caching(DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(),
                    connectionSettings().toProperties()));
            Database database = new Database(file, connection, false);
            database.migrate();
            return database;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failure(file, e, "store.error.open");
        } catch (IOException e) {
            closeQuietly(connection);
            throw new StoreException(e, "store.error.open", file, e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * Opens a file whose folder or file this process may not write, without creating anything beside it.
     * Without changes waiting in its WAL, SQLite is told the file is immutable, since it can create no -shm to
     * coordinate with writers; with such changes, it reads them through the existing -wal and -shm.
     */
    private static Database openReadOnly(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath().toUri().toASCIIString()
                + (hasPendingChanges(file) ? "?mode=ro" : "?mode=ro&immutable=1");
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.enforceForeignKeys(true);
        Connection connection = null;
        try {
            connection = StatementCache.caching(DriverManager.getConnection(url, config.toProperties()));
            refuseIfNotOurs(file, connection);
            if (pragma(connection, "user_version") < SCHEMA_VERSION) {
                throw new StoreException(null, "store.error.readOnlyOldSchema", file.toAbsolutePath().getParent(), file);
            }
            return new Database(file, connection, true);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw failure(file, e, "store.error.open");
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static boolean hasPendingChanges(Path file) {
        Path wal = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true; // Not knowing, SQLite is left to read the WAL, or to say why it cannot.
        }
    }

    /**
     * The pragmas and modes of the store's connection (public so that the benchmarks' floors use the same): WAL,
     * synchronous=FULL, foreign keys, a busy timeout, immediate transactions, no generated keys.
     */
    public static SQLiteConfig connectionSettings() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        // Nothing reads generated keys; without this the driver asks for last_insert_rowid() after every insert.
        config.setGetGeneratedKeys(false);
        return config;
    }

    public Path file() {
        return file;
    }

    /** True when the file was opened read-only, because this process may not write its folder or the file. */
    public boolean readOnly() {
        return readOnly;
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
            throw failure(file, e, "store.error.write");
        }
    }

    /**
     * Something made once and only read afterwards (the device's id and key): looked up without taking the
     * write lock, so that a store another program is writing, or a read-only one, still opens; made in a
     * transaction, which looks again first, only while missing.
     */
    synchronized <T> T readOrCreate(SqlWork<Optional<T>> find, SqlWork<T> create) {
        Optional<T> found = read(find);
        return found.isPresent() ? found.get() : transaction(connection -> {
            Optional<T> again = find.run(connection);
            return again.isPresent() ? again.get() : create.run(connection);
        });
    }

    /**
     * Writes a consistent copy of the whole file to {@code target} (which must not exist) with {@code VACUUM INTO}:
     * one read transaction, so a copy taken while another program writes holds all of a commit or none of it, and
     * what waits in the WAL is in it. The copy is a single file, with no WAL beside it.
     */
    public synchronized void snapshotTo(Path target) {
        try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.executeUpdate();
        } catch (SQLException e) {
            throw failure(target, e, "store.error.snapshot");
        }
    }

    /**
     * Committed by going back to autocommit: the driver's commit() would begin the next transaction at once,
     * taking the write lock again. When SQLite fails inside a transaction (a full disk, say) it may have rolled
     * back by itself, or never begun (the lock held elsewhere); then the rollback fails as well, and the first
     * failure is the one reported.
     */
    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        if (!connection.getAutoCommit()) {
            return inSavepoint(work);
        }
        try {
            connection.setAutoCommit(false);
            T result = work.run(connection);
            connection.setAutoCommit(true);
            return result;
        } catch (SQLException | RuntimeException e) {
            rollBack(e);
            throw e;
        }
    }

    private <T> T inSavepoint(SqlWork<T> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            T result = work.run(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            } catch (SQLException undone) {
                // SQLite may have rolled the whole transaction back by itself (a full disk): the outer one reports it.
                e.addSuppressed(undone);
            }
            throw e;
        }
    }

    /** Undoes what the failed transaction did and leaves the connection in autocommit for the next one. */
    private void rollBack(Exception failure) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        try {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            // The flag is back to autocommit even when the driver's COMMIT finds no transaction to end.
            failure.addSuppressed(e);
        }
    }

    /** Runs a read outside any explicit transaction. */
    synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(file, e, "store.error.read");
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(file, e, "store.error.write");
        }
    }

    /**
     * A failure of SQLite as the user can act on it, by its primary result code: another program writing, a
     * folder that may not be written, a full disk or failing device, a damaged file. Anything else (such as
     * SQLITE_NOTADB, which text or random bytes give) is told with {@code key}.
     */
    static StoreException failure(Path file, SQLException e, String key) {
        Path folder = file.toAbsolutePath().getParent();
        return switch (SQLiteErrorCode.getErrorCode(e.getErrorCode() & 0xff)) {
            case SQLITE_BUSY, SQLITE_LOCKED -> new StoreException(e, "store.error.locked", file);
            case SQLITE_READONLY -> new StoreException(e, "store.error.readOnly", folder);
            case SQLITE_FULL, SQLITE_IOERR -> new StoreException(e, "store.error.full", folder, e.getMessage());
            case SQLITE_CORRUPT -> new StoreException(e, "store.error.corrupt", file, e.getMessage());
            default -> new StoreException(e, key, file, e.getMessage());
        };
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
            refuseIfNotOurs(file, probe);
        } catch (SQLException e) {
            throw failure(file, e, "store.error.notDatabase");
        }
    }

    private static void refuseIfNotOurs(Path file, Connection connection) throws SQLException {
        int applicationId = pragma(connection, "application_id");
        int version = pragma(connection, "user_version");
        boolean unmarkedButNotEmpty = applicationId == 0 && version == 0 && hasTables(connection);
        if (applicationId != 0 && applicationId != APPLICATION_ID || unmarkedButNotEmpty) {
            throw new StoreException(null, "store.error.foreignFile", file);
        }
        if (version > SCHEMA_VERSION) {
            throw new StoreException(null, "store.error.newerSchema", file, version, SCHEMA_VERSION);
        }
    }

    /**
     * Brings an older file up to date. A current file is left alone: opening it then writes nothing, so it
     * opens while another program holds the write lock, and a damaged one is not written to.
     */
    private void migrate() throws SQLException {
        if (pragma(connection, "user_version") == SCHEMA_VERSION && pragma(connection, "application_id") == APPLICATION_ID) {
            return;
        }
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
            // Locale.ROOT: in Turkish, "create trigger" would upper-case to "CREATE TRİGGER".
            if (trimmed.toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER")) {
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
