package jp.tachiiri.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.DeviceIdentity;

/**
 * Gives a closed data folder the keys of a committed test file's recipient (the bundle-format vector's office, the
 * hostile corpus's office), so that files sealed to those fixed keys open there: the keys are written into its real
 * SQLite file, where the app keeps its own.
 */
public final class StoreKeys {

    private StoreKeys() {
    }

    public static void replace(Path dataFolder, DeviceIdentity keys) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataFolder.resolve(Workspace.DATABASE_FILE));
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE device_key SET private_key = ?, public_key = ?, sealing_private = ?, sealing_public = ?")) {
            update.setBytes(1, keys.privateKey().getEncoded());
            update.setString(2, keys.publicKeyHex());
            update.setBytes(3, keys.sealing().privateKey());
            update.setString(4, keys.sealing().publicKeyHex());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no keys yet in " + dataFolder + ": open it once first");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
