package jp.tachiiri.platform;

import com.gluonhq.attach.storage.StorageService;
import com.gluonhq.attach.util.Platform;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where an installation keeps its data when neither {@code --data} nor {@code TACHIIRI_DATA} says otherwise:
 * Attach's private storage on a phone or tablet, the platform's per-user application-data folder on a desktop.
 */
public final class DataFolders {

    public static final String ENVIRONMENT_VARIABLE = "TACHIIRI_DATA";
    private static final String APP_FOLDER = "Tachiiri";

    private DataFolders() {
    }

    /** The explicit folder if given, else {@code TACHIIRI_DATA}, else the platform's default. */
    public static Path resolve(Optional<Path> explicit, Map<String, String> environment) {
        if (explicit.isPresent()) {
            return explicit.get().toAbsolutePath();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath();
        }
        return platformDefault(environment);
    }

    static Path platformDefault(Map<String, String> environment) {
        if (Platform.isAndroid() || Platform.isIOS()) {
            File privateStorage = StorageService.create().flatMap(StorageService::getPrivateStorage)
                    .orElseThrow(() -> new IllegalStateException("Attach StorageService has no private storage"));
            return privateStorage.toPath().resolve(APP_FOLDER);
        }
        return desktopDefault(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")), environment);
    }

    /** Windows: %LOCALAPPDATA%; macOS: ~/Library/Application Support; others: $XDG_DATA_HOME or ~/.local/share. */
    static Path desktopDefault(String osName, Path home, Map<String, String> environment) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String localAppData = environment.get("LOCALAPPDATA");
            Path base = localAppData != null ? Path.of(localAppData) : home.resolve("AppData").resolve("Local");
            return base.resolve(APP_FOLDER);
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP_FOLDER);
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("tachiiri");
    }
}
