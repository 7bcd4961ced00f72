package jp.tachiiri.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.tachiiri.testsupport.StoreDump;

/**
 * What a store holds, table by table, as a row count and a digest over its rows (sorted, so insertion order
 * does not matter), read through a read-only connection. Two stores with equal contents have equal digests,
 * which is how the benchmark makes sure the floor does exactly the work the product does.
 */
final class StoreContents {

    /** A table's rows: how many, and the SHA-256 over them in sorted order, leaving out ignored columns. */
    record Table(long rows, String digest) {
    }

    private StoreContents() {
    }

    /** Every table but those in {@code skipTables}; columns in {@code ignoring} ("table.column") are left out. */
    static Map<String, Table> of(Path databaseFile, Set<String> skipTables, Set<String> ignoring) {
        try (Connection connection = StoreDump.openReadOnly(databaseFile); Statement statement = connection.createStatement()) {
            List<String> tables = StoreDump.tableNames(connection).stream().filter(table -> !skipTables.contains(table)).toList();
            Map<String, Table> contents = new LinkedHashMap<>();
            for (String table : tables) {
                List<String> columns = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
                    ResultSetMetaData meta = rows.getMetaData();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        if (!ignoring.contains(table + "." + meta.getColumnName(c))) {
                            columns.add(meta.getColumnName(c));
                        }
                    }
                }
                String list = String.join(", ", columns);
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long count = 0;
                try (ResultSet rows = statement.executeQuery("SELECT " + list + " FROM " + table + " ORDER BY " + list)) {
                    while (rows.next()) {
                        for (int c = 1; c <= columns.size(); c++) {
                            Object value = rows.getObject(c);
                            String text = value == null ? "\u0000null"
                                    : value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                                    : value.getClass().getSimpleName() + ":" + value;
                            digest.update(text.getBytes(StandardCharsets.UTF_8));
                            digest.update((byte) 0x1f);
                        }
                        digest.update((byte) 0x1e);
                        count++;
                    }
                }
                contents.put(table, new Table(count, HexFormat.of().formatHex(digest.digest())));
            }
            return contents;
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read " + databaseFile, e);
        }
    }
}
