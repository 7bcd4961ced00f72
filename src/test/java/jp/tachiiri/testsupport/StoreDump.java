package jp.tachiiri.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.tachiiri.app.Workspace;
import org.sqlite.SQLiteConfig;

/**
 * Every row of every table of a data file as sorted text, read through a separate read-only connection: two
 * dumps are equal exactly when the stored data is. Columns named in {@code ignoring} (as "table.column") are
 * left out, e.g. the times at which something arrived.
 */
public final class StoreDump {

    private StoreDump() {
    }

    /** A read-only connection to a data file, beside whatever connection the app holds. */
    public static Connection openReadOnly(Path databaseFile) throws SQLException {
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + databaseFile.toAbsolutePath(), readOnly.toProperties());
    }

    /** The names of the file's tables, in name order. */
    public static List<String> tableNames(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    public static String of(Path databaseFile, Set<String> ignoring) {
        try (Connection connection = openReadOnly(databaseFile); Statement statement = connection.createStatement()) {
            List<String> tables = tableNames(connection);
            StringBuilder dump = new StringBuilder();
            for (String table : tables) {
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            String column = rows.getMetaData().getColumnName(c);
                            if (!ignoring.contains(table + "." + column)) {
                                Object value = rows.getObject(c);
                                line.append(column).append('=')
                                        .append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value)
                                        .append('\t');
                            }
                        }
                        lines.add(line.toString());
                    }
                }
                lines.sort(null);
                dump.append("## ").append(table).append(" (").append(lines.size()).append(")\n");
                lines.forEach(line -> dump.append(line).append('\n'));
            }
            return dump.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot dump " + databaseFile, e);
        }
    }

    /**
     * Every row of every table, and the name and size of every other file of the workspace's data folder
     * (evidence and all): what must not change when a file is rejected. The log (logs/) is left out: it says
     * that the file was rejected, which is the point.
     */
    public static String withFiles(Workspace workspace) {
        Path folder = workspace.folder();
        TreeMap<String, Long> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                String name = folder.relativize(path).toString().replace('\\', '/');
                if (!name.startsWith(Workspace.DATABASE_FILE) && !name.startsWith("logs/")) {
                    files.put(name, Files.size(path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(workspace.databaseFile(), Set.of()) + "## files of the data folder\n"
                + files.entrySet().stream().map(f -> f.getKey() + " " + f.getValue() + "\n").collect(Collectors.joining());
    }
}
