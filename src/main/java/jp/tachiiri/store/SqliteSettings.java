package jp.tachiiri.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The installation's own values: its device id and the user's settings (language, …). */
public final class SqliteSettings {

    private final Database database;

    public SqliteSettings(Database database) {
        this.database = database;
    }

    public Optional<String> get(String key) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT value FROM settings WHERE key = ?")) {
                select.setString(1, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String key, String value) {
        database.transaction(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(
                    "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
                upsert.setString(1, key);
                upsert.setString(2, value);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    /** When this installation's id was made: when its data folder began; empty before. */
    public Optional<Instant> deviceCreatedAt() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT created_at FROM device");
                 ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(Instant.parse(row.getString(1))) : Optional.empty();
            }
        });
    }

    /** This installation's stable id, created on first use and never changed. */
    public String deviceId(Clock clock) {
        return database.readOrCreate(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM device");
                 ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }, connection -> {
            String id = UUID.randomUUID().toString();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO device (singleton, id, created_at) VALUES (1, ?, ?)")) {
                insert.setString(1, id);
                insert.setString(2, clock.instant().toString());
                insert.executeUpdate();
            }
            return id;
        });
    }
}
