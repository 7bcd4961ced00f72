package jp.tachiiri.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A pragma's first value, read over a connection of its own (e.g. integrity_check, journal_mode). */
public final class Pragma {

    private Pragma() {
    }

    public static String of(Path database, String pragma) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA " + pragma)) {
            row.next();
            return row.getString(1);
        }
    }
}
