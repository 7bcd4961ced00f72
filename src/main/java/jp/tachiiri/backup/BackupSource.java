package jp.tachiiri.backup;

import java.nio.file.Path;
import java.util.List;

/** The data folder a backup is taken of, as the app opens it: its database, its evidence and where it comes from. */
public interface BackupSource {

    /** The device, its role and the versions, for the manifest. */
    record Origin(String deviceId, String role, String appVersion, int schemaVersion) {
    }

    Origin origin();

    Path dataFolder();

    /** The database's file name in the data folder, under which the backup keeps its snapshot. */
    String databaseFileName();

    /** Writes a consistent snapshot of the database to {@code target}, a file that does not exist yet. */
    void snapshotDatabase(Path target);

    /** The evidence files to keep, relative to the data folder; copies still in progress are left out. */
    List<Path> evidenceFiles();

    /** A folder of the data folder's for the snapshot while the backup is written; swept when left behind. */
    Path stagingFolder();
}
