package jp.tachiiri.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Another program holding the write lock of a SQLite file, run as a child JVM: {@code BEGIN EXCLUSIVE}, then
 * "locked" on standard output; the lock is given up (rolled back) when standard input closes.
 */
public final class WriteLockHolder {

    private WriteLockHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
             Statement statement = connection.createStatement()) {
            statement.execute("BEGIN EXCLUSIVE");
            statement.execute("INSERT INTO settings (key, value) VALUES ('held.by', 'another program')");
            System.out.println("locked");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Holding the lock until the test closes our standard input.
            }
            statement.execute("ROLLBACK");
        }
    }
}
