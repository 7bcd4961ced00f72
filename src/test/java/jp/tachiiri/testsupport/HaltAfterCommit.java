package jp.tachiiri.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A program that dies right after a commit, run as a child JVM: it runs the SQL in {@code args[1]} on the
 * SQLite file {@code args[0]} and halts without closing, so that the change stays in the WAL, not yet copied
 * into the file, as after a crash or a pulled battery.
 */
public final class HaltAfterCommit {

    private HaltAfterCommit() {
    }

    public static void main(String[] args) throws Exception {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(args[1]);
        }
        Runtime.getRuntime().halt(0);
    }
}
