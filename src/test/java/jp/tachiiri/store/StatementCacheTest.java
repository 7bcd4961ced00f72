package jp.tachiiri.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's statement cache on a real SQLite file: reuse, nesting, resets, eviction, closing. */
class StatementCacheTest {

    private static final String BY_ID = "SELECT name FROM things WHERE id = ?";

    @TempDir
    Path folder;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = StatementCache.caching(DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("cache.db"),
                Database.connectionSettings().toProperties()));
        try (Statement create = connection.createStatement()) {
            create.executeUpdate("CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            create.executeUpdate("INSERT INTO things (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three')");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void theSameSqlGetsTheSameStatementAgainWithItsParametersCleared() throws SQLException {
        PreparedStatement first = connection.prepareStatement(BY_ID);
        PreparedStatement driverStatement = first.unwrap(PreparedStatement.class);
        first.setInt(1, 2);
        assertThat(name(first)).isEqualTo("two");
        first.close();

        PreparedStatement again = connection.prepareStatement(BY_ID);
        assertThat(again.unwrap(PreparedStatement.class)).isSameAs(driverStatement);
        assertThat(again.isClosed()).isFalse();
        assertThat(first.isClosed()).isTrue();
        // The 2 bound before is gone: an unbound parameter is NULL, which matches no row.
        assertThat(name(again)).isNull();
        again.setInt(1, 3);
        assertThat(name(again)).isEqualTo("three");
        again.close();
    }

    @Test
    void aStatementInUseIsNeverHandedOutTwice() throws SQLException {
        List<String> pairs = new ArrayList<>();
        try (PreparedStatement outer = connection.prepareStatement("SELECT id FROM things ORDER BY id")) {
            try (ResultSet ids = outer.executeQuery()) {
                while (ids.next()) {
                    try (PreparedStatement inner = connection.prepareStatement(BY_ID)) {
                        inner.setInt(1, ids.getInt(1));
                        pairs.add(ids.getInt(1) + "=" + name(inner));
                        try (PreparedStatement nested = connection.prepareStatement(BY_ID)) {
                            assertThat(nested.unwrap(PreparedStatement.class)).isNotSameAs(inner.unwrap(PreparedStatement.class));
                        }
                    }
                }
            }
        }
        assertThat(pairs).containsExactly("1=one", "2=two", "3=three");
    }

    @Test
    void aStatementGivenBackWithItsResultsOpenNoLongerHoldsItsRead() throws SQLException {
        PreparedStatement all = connection.prepareStatement("SELECT name FROM things");
        ResultSet names = all.executeQuery();
        assertThat(names.next()).isTrue();
        all.close();

        assertThat(names.isClosed()).isTrue();
        // VACUUM refuses to run while any statement of the connection is still reading.
        vacuumInto("copy.db");
        assertThat(folder.resolve("copy.db")).exists();
    }

    @Test
    void theLeastRecentlyUsedSqlIsClosedBeyondTheCapacity() throws SQLException {
        PreparedStatement first = connection.prepareStatement(BY_ID);
        PreparedStatement evicted = first.unwrap(PreparedStatement.class);
        first.close();
        for (int i = 0; i < StatementCache.CAPACITY; i++) {
            try (PreparedStatement other = connection.prepareStatement("SELECT " + i)) {
                other.executeQuery().close();
            }
        }
        assertThat(evicted.isClosed()).isTrue();
        try (PreparedStatement again = connection.prepareStatement(BY_ID)) {
            assertThat(again.unwrap(PreparedStatement.class)).isNotSameAs(evicted);
            again.setInt(1, 1);
            assertThat(name(again)).isEqualTo("one");
        }
    }

    @Test
    void closingTheConnectionClosesWhatItKept() throws SQLException {
        PreparedStatement kept = connection.prepareStatement(BY_ID);
        PreparedStatement driverStatement = kept.unwrap(PreparedStatement.class);
        kept.close();
        connection.close();
        assertThat(driverStatement.isClosed()).isTrue();
        assertThat(connection.isClosed()).isTrue();
        assertThat(Files.exists(folder.resolve("cache.db"))).isTrue();
    }

    @Test
    void aFailedWriteLeavesTheStatementReadyForTheNext() throws SQLException {
        String insert = "INSERT INTO things (id, name) VALUES (?, ?)";
        try (PreparedStatement duplicate = connection.prepareStatement(insert)) {
            duplicate.setInt(1, 1);
            duplicate.setString(2, "again");
            assertThatThrownBy(duplicate::executeUpdate).isInstanceOf(SQLException.class);
        }
        try (PreparedStatement fresh = connection.prepareStatement(insert)) {
            fresh.setInt(1, 4);
            fresh.setString(2, "four");
            assertThat(fresh.executeUpdate()).isEqualTo(1);
        }
        try (PreparedStatement read = connection.prepareStatement(BY_ID)) {
            read.setInt(1, 4);
            assertThat(name(read)).isEqualTo("four");
        }
    }

    @Test
    void aStatementRunWithExecuteIsClosedRatherThanKeptWithItsReadOpen() throws SQLException {
        PreparedStatement all = connection.prepareStatement("SELECT name FROM things ORDER BY id");
        PreparedStatement driverStatement = all.unwrap(PreparedStatement.class);
        assertThat(all.execute()).isTrue();
        all.close();

        assertThat(driverStatement.isClosed()).isTrue();
        vacuumInto("copy.db");
        assertThat(folder.resolve("copy.db")).exists();
    }

    @Test
    void aBatchLeftUnexecutedIsNotRunByTheNextUser() throws SQLException {
        String insert = "INSERT INTO things (id, name) VALUES (?, ?)";
        try (PreparedStatement abandoned = connection.prepareStatement(insert)) {
            abandoned.setInt(1, 10);
            abandoned.setString(2, "abandoned");
            abandoned.addBatch();
        }
        try (PreparedStatement next = connection.prepareStatement(insert)) {
            next.setInt(1, 11);
            next.setString(2, "eleven");
            next.addBatch();
            assertThat(next.executeBatch()).hasSize(1);
        }
        try (PreparedStatement read = connection.prepareStatement(BY_ID)) {
            read.setInt(1, 10);
            assertThat(name(read)).as("the abandoned batch's row").isNull();
            read.setInt(1, 11);
            assertThat(name(read)).isEqualTo("eleven");
        }
    }

    @Test
    void theLimitsOneUserSetDoNotReachTheNext() throws SQLException {
        String all = "SELECT name FROM things ORDER BY id";
        try (PreparedStatement first = connection.prepareStatement(all)) {
            first.setMaxRows(1);
            first.executeQuery().close();
        }
        List<String> names = new ArrayList<>();
        try (PreparedStatement next = connection.prepareStatement(all); ResultSet rows = next.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        assertThat(names).containsExactly("one", "two", "three");
    }

    @Test
    void aStatementAndTheConnectionAreEqualToThemselvesAndPrintableWhenClosed() throws SQLException {
        PreparedStatement statement = connection.prepareStatement(BY_ID);
        PreparedStatement other = connection.prepareStatement(BY_ID);
        assertThat(statement).isEqualTo(statement).isNotEqualTo(other);
        assertThat(connection).isEqualTo(connection);
        statement.close();
        other.close();
        assertThat(statement.toString()).startsWith("PreparedStatement@");
        assertThat(statement.hashCode()).isEqualTo(System.identityHashCode(statement));
    }

    @Test
    void aStoreSnapshotAfterAFailedOneStillWorksAndTellsOnlyItsOwnFailure() throws Exception {
        try (Database database = Database.open(folder.resolve("store.db"))) {
            Files.createDirectory(folder.resolve("taken.db"));
            assertThatThrownBy(() -> database.snapshotTo(folder.resolve("taken.db"))).isInstanceOf(StoreException.class)
                    .satisfies(e -> assertThat(e.getCause().getSuppressed()).as("suppressed by the statement's close").isEmpty());
            database.snapshotTo(folder.resolve("copy.db"));
            assertThat(folder.resolve("copy.db")).exists();
        }
    }

    @Test
    void aFullDiskInsideASavepointLeavesTheStoreAndItsStatementsUsable() throws Exception {
        try (Database database = Database.open(folder.resolve("store.db"))) {
            database.transaction(c -> Rows.update(c, "CREATE TABLE blobs (b BLOB)"));
            int pages = database.read(c -> Rows.list(c, "PRAGMA page_count", row -> row.getInt(1))).get(0);
            database.read(c -> Rows.list(c, "PRAGMA max_page_count = " + (pages + 2), row -> row.getInt(1)));
            String insert = "INSERT INTO blobs (b) VALUES (zeroblob(?))";
            assertThatThrownBy(() -> database.transaction(outer -> {
                Rows.update(outer, insert, 10);
                return database.transaction(inner -> Rows.update(inner, insert, 1_000_000));
            })).isInstanceOf(StoreException.class).hasMessageContaining("full");

            database.snapshotTo(folder.resolve("copy.db"));
            int inserted = database.transaction(c -> Rows.update(c, insert, 10));
            assertThat(inserted).isEqualTo(1);
            List<Integer> counts = database.read(c -> Rows.list(c, "SELECT count(*) FROM blobs", row -> row.getInt(1)));
            assertThat(counts).containsExactly(1);
        }
    }

    private void vacuumInto(String name) throws SQLException {
        try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, folder.resolve(name).toString());
            vacuum.executeUpdate();
        }
    }

    private static String name(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }
}
