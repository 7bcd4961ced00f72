package jp.tachiiri.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.tachiiri.testsupport.OptionLines;
import org.junit.jupiter.api.Test;

/**
 * What CI cannot build — the Windows MSI and the Android and iOS apps — is at least complete: every file the
 * configurations name is there, in the form its platform requires.
 */
class PackagingConfigurationTest {

    private static final Path PACKAGING = Path.of("packaging");
    private static final Pattern NAMED_PATH = Pattern.compile(
            "^--(?:icon|license-file|resource-dir) (\\S+)$|^--add-launcher [^=]+=(\\S+)$", Pattern.MULTILINE);

    @Test
    void everyFileTheJpackageOptionsNameExists() throws IOException {
        List<Path> argumentFiles;
        try (Stream<Path> files = Files.walk(PACKAGING)) {
            argumentFiles = files.filter(file -> file.toString().endsWith(".args")).sorted().toList();
        }
        assertThat(argumentFiles).extracting(Path::toString).contains("packaging/jpackage/common.args",
                "packaging/linux/image.args", "packaging/linux/deb.args", "packaging/windows/msi.args");

        List<String> named = new ArrayList<>();
        for (Path file : argumentFiles) {
            Matcher matcher = NAMED_PATH.matcher(Files.readString(file));
            while (matcher.find()) {
                named.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        assertThat(named).contains("packaging/windows/tachiiri.ico", "packaging/windows/tachiiri-cli.properties",
                "packaging/linux/tachiiri.png", "LICENSE");
        assertThat(named).allSatisfy(path -> assertThat(Path.of(path)).exists());
    }

    @Test
    void theMsiKeepsOneUpgradeCode() throws IOException {
        Matcher uuid = Pattern.compile("^--win-upgrade-uuid (\\S+)$", Pattern.MULTILINE)
                .matcher(Files.readString(PACKAGING.resolve("windows/msi.args")));

        assertThat(uuid.find()).isTrue();
        assertThat(UUID.fromString(uuid.group(1)).version()).isEqualTo(4);
    }

    @Test
    void theWindowsIconHoldsEverySizeUpTo256() throws IOException {
        ByteBuffer icon = ByteBuffer.wrap(Files.readAllBytes(PACKAGING.resolve("windows/tachiiri.ico")))
                .order(ByteOrder.LITTLE_ENDIAN);
        assertThat(icon.getShort(0)).as("reserved").isZero();
        assertThat(icon.getShort(2)).as("type: icon").isEqualTo((short) 1);
        List<Integer> widths = new ArrayList<>();
        for (int entry = 0; entry < icon.getShort(4); entry++) {
            int width = Byte.toUnsignedInt(icon.get(6 + 16 * entry));
            widths.add(width == 0 ? 256 : width);
        }

        assertThat(widths).containsExactlyInAnyOrder(16, 24, 32, 48, 64, 128, 256);
    }

    @Test
    void androidHasALauncherIconForEveryDensity() throws IOException {
        Map<String, Integer> sizes = Map.of("mdpi", 48, "hdpi", 72, "xhdpi", 96, "xxhdpi", 144, "xxxhdpi", 192);
        for (Map.Entry<String, Integer> density : sizes.entrySet()) {
            Png icon = Png.read(Path.of("src/android/res/mipmap-" + density.getKey() + "/ic_launcher.png"));
            assertThat(icon.width()).as(density.getKey()).isEqualTo(density.getValue());
            assertThat(icon.height()).as(density.getKey()).isEqualTo(density.getValue());
        }
    }

    /** Xcode refuses an icon set whose files are missing, of the wrong size, or (for the store) not opaque. */
    @Test
    void theIosIconSetIsCompleteAndOpaque() throws IOException {
        Path set = Path.of("src/ios/assets/Assets.xcassets/AppIcon.appiconset");
        JsonNode images = new ObjectMapper().readTree(set.resolve("Contents.json").toFile()).get("images");
        List<String> slots = new ArrayList<>();
        for (JsonNode image : images) {
            double points = Double.parseDouble(image.get("size").asText().split("x")[0]);
            int scale = Integer.parseInt(image.get("scale").asText().replace("x", ""));
            Png icon = Png.read(set.resolve(image.get("filename").asText()));
            slots.add(image.get("idiom").asText() + " " + image.get("size").asText() + "@" + scale);

            assertThat(icon.width()).as(image.toString()).isEqualTo((int) Math.round(points * scale));
            assertThat(icon.hasAlpha()).as(image.toString()).isFalse();
        }
        assertThat(slots).contains("iphone 60x60@3", "ipad 76x76@2", "ipad 83.5x83.5@2", "ios-marketing 1024x1024@1");
    }

    @Test
    void theRuntimeModulesExistInTheJdk() throws IOException {
        List<String> modules = OptionLines.of(PACKAGING.resolve("jpackage/runtime.modules"));

        assertThat(modules).contains("jdk.crypto.ec", "jdk.localedata")
                .allSatisfy(module -> assertThat(ModuleFinder.ofSystem().find(module)).as(module).isPresent());
    }

    /** A renamed desktop preview would otherwise slip back into the mobile build, which cannot link AWT. */
    @Test
    void theMobileBuildLeavesOutTheDesktopPreview() throws IOException {
        String provider = Files.readString(Path.of("resources/META-INF/services/jp.tachiiri.platform.PdfPreview")).strip();

        assertThat(Files.readString(Path.of("pom.xml")))
                .contains("-H:ServiceLoaderFeatureExcludeServiceProviders=" + provider);
    }

    /** The width, height and colour type from a PNG's header chunk. */
    private record Png(int width, int height, int colourType) {

        static Png read(Path file) throws IOException {
            ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file));
            assertThat(header.getLong(0)).as("PNG signature of " + file).isEqualTo(0x89504E470D0A1A0AL);
            return new Png(header.getInt(16), header.getInt(20), Byte.toUnsignedInt(header.get(25)));
        }

        /** Colour types 4 (grey + alpha) and 6 (RGB + alpha) carry an alpha channel. */
        boolean hasAlpha() {
            return colourType == 4 || colourType == 6;
        }
    }
}
