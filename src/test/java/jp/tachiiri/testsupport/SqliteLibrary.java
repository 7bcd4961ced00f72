package jp.tachiiri.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.sqlite.util.OSInfo;

/**
 * SQLite's native library unpacked once into a folder, for child JVMs that load it from there as the installed app
 * does (packaging/linux/build.sh) instead of having sqlite-jdbc unpack its own copy at every start.
 */
public final class SqliteLibrary {

    private SqliteLibrary() {
    }

    /** The JVM options that load the library from {@code folder}, where it is unpacked unless it is there already. */
    public static List<String> loadedFrom(Path folder) throws IOException {
        String library = System.mapLibraryName("sqlitejdbc");
        Path file = folder.resolve(library);
        if (!Files.exists(file)) {
            Files.createDirectories(folder);
            try (InputStream in = SqliteLibrary.class.getResourceAsStream(
                    "/org/sqlite/native/" + OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + library)) {
                Assumptions.assumeTrue(in != null, "sqlite-jdbc has no native library for " + OSInfo.getNativeLibFolderPathForCurrentOS());
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return List.of("-Dorg.sqlite.lib.path=" + folder, "-Dorg.sqlite.lib.name=" + library);
    }
}
