package jp.tachiiri.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataFoldersTest {

    private static final Path HOME = Path.of("/home/inspector");

    @Test
    void explicitFolderWinsOverEnvironment() {
        Path chosen = DataFolders.resolve(Optional.of(Path.of("/data/a")), Map.of("TACHIIRI_DATA", "/data/b"));
        assertThat(chosen).isEqualTo(Path.of("/data/a"));
    }

    @Test
    void environmentVariableWinsOverPlatformDefault() {
        assertThat(DataFolders.resolve(Optional.empty(), Map.of("TACHIIRI_DATA", "/data/b"))).isEqualTo(Path.of("/data/b"));
    }

    @Test
    void blankEnvironmentVariableIsIgnored() {
        Path chosen = DataFolders.resolve(Optional.empty(), Map.of("TACHIIRI_DATA", "  "));
        assertThat(chosen.getFileName()).isEqualTo(Path.of("tachiiri"));
    }

    @Test
    void linuxFollowsXdgDataHome() {
        assertThat(DataFolders.desktopDefault("Linux", HOME, Map.of())).isEqualTo(HOME.resolve(".local/share/tachiiri"));
        assertThat(DataFolders.desktopDefault("Linux", HOME, Map.of("XDG_DATA_HOME", "/xdg")))
                .isEqualTo(Path.of("/xdg/tachiiri"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(DataFolders.desktopDefault("Windows 11", HOME, Map.of("LOCALAPPDATA", "/c/Users/i/AppData/Local")))
                .isEqualTo(Path.of("/c/Users/i/AppData/Local/Tachiiri"));
        assertThat(DataFolders.desktopDefault("Windows 11", HOME, Map.of()))
                .isEqualTo(HOME.resolve("AppData/Local/Tachiiri"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataFolders.desktopDefault("Mac OS X", HOME, Map.of()))
                .isEqualTo(HOME.resolve("Library/Application Support/Tachiiri"));
    }
}
