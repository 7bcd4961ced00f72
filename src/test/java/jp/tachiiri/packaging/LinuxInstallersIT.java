package jp.tachiiri.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.OptionLines;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Builds the Linux installers with the documented command (packaging/linux/build.sh, on the jar this build just
 * made) and uses what an IT department would install: the app-image's launcher on its trimmed runtime, headless
 * commands that need every service module (signatures, Japanese dates, SQLite, fonts), the window under X, and
 * the .deb's contents unpacked.
 */
@EnabledOnOs(OS.LINUX)
class LinuxInstallersIT {

    private static final Path INSTALLERS = Path.of("target", "installers");
    private static final Path IMAGE = INSTALLERS.resolve("Tachiiri");
    private static final Path LAUNCHER = IMAGE.resolve("bin/Tachiiri");
    private static final String VERSION = System.getProperty("project.version");

    @BeforeAll
    static void buildTheInstallers() throws Exception {
        assertThat(VERSION).as("failsafe passes pom.xml's version").isNotBlank();
        failUnlessTheToolsAreInstalled();
        Run build = Run.of(Path.of("."), 900, "bash", "packaging/linux/build.sh", "--skip-maven");
        assertThat(build.exitCode()).as(build.output()).isZero();
    }

    @Test
    void theLauncherPrintsPomVersion() throws Exception {
        Run version = Run.of(Path.of("."), 60, LAUNCHER.toString(), "--version");

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output().strip()).isEqualTo("tachiiri " + VERSION);
    }

    @Test
    void headlessCommandsWorkOnTheTrimmedRuntime(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        Run catalog = tachiiri(data, "catalog", "check");
        assertThat(catalog.exitCode()).as(catalog.output()).isZero();
        assertThat(catalog.output()).contains("チェックリスト 2025.1", "項目 38");

        assertThat(tachiiri(data, "demo").exitCode()).isZero();
        Run inspections = tachiiri(data, "inspections");
        Matcher finalized = Pattern.compile("(?m)^(\\S+)\\t[^\\t]+\\t[^\\t]+\\tFINALIZED").matcher(inspections.output());
        assertThat(finalized.find()).as(inspections.output()).isTrue();

        // The advice printout: the bundled font and the Japanese era (jdk.localedata) in a real PDF.
        Path pdf = work.resolve("advice.pdf");
        Run advice = tachiiri(data, "advice", "--inspection", finalized.group(1), "--out", pdf.toString());
        assertThat(advice.exitCode()).as(advice.output()).isZero();
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains("医療機関のサイバーセキュリティ対策に関する助言書").containsPattern("令和\\d+年\\d+月\\d+日");
        }

        // A sealed bundle (Ed25519 from jdk.crypto.ec, HPKE and AES-GCM through Tink): the tablet enrols an office
        // from its enrolment file, seals its findings to it, and the office's launcher opens and verifies them.
        Path office = work.resolve("office");
        assertThat(tachiiri(office, "role", "office").exitCode()).isZero();
        Path card = Files.createDirectories(work.resolve("card"));
        Run enrolment = tachiiri(office, "devices", "enrolment", "--out", card.toString());
        assertThat(enrolment.exitCode()).as(enrolment.output()).isZero();
        Run enrolled = tachiiri(data, "import", "--trust-new-devices", card.toString());
        assertThat(enrolled.exitCode()).as(enrolled.output()).isZero();
        Path outbox = Files.createDirectories(work.resolve("outbox"));
        Run export = tachiiri(data, "export", "--out", outbox.toString());
        assertThat(export.exitCode()).as(export.output()).isZero();
        Path bundle;
        try (var files = Files.list(outbox)) {
            bundle = files.findFirst().orElseThrow();
        }
        Run verify = tachiiri(office, "verify", bundle.toString());
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("スキーマ・書き方・署名・添付のハッシュを確認しました", "復号");
        assertThat(tachiiri(data, "verify", bundle.toString()).exitCode()).as("not addressed to the tablet").isEqualTo(4);

        // A backup (Argon2id from Bouncy Castle), checked whole by the same launcher.
        Path backups = Files.createDirectories(work.resolve("backups"));
        Map<String, String> passphrase = Map.of("TACHIIRI_BACKUP_PASSPHRASE", "インストーラーの試験 2026");
        Run backup = Run.of(Path.of("."), 120, passphrase, LAUNCHER.toString(), "--data", office.toString(), "backup",
                "--out", backups.toString());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        Path written;
        try (var files = Files.list(backups)) {
            written = files.findFirst().orElseThrow();
        }
        Run check = Run.of(Path.of("."), 120, passphrase, LAUNCHER.toString(), "restore", written.toString(), "--verify-only");
        assertThat(check.exitCode()).as(check.output()).isZero();
    }

    /**
     * SQLite's library comes from the image: with no temporary folder to unpack the driver's copy into (a path under a
     * file, which not even root can create), the store still opens, and nothing was unpacked.
     */
    @Test
    void sqliteLoadsItsLibraryFromTheImage(@TempDir Path work) throws Exception {
        assertThat(IMAGE.resolve("lib/app/native/libsqlitejdbc.so")).isRegularFile();
        Map<String, String> noTemporaryFolder = Map.of("JAVA_TOOL_OPTIONS", "-Djava.io.tmpdir=/dev/null/tmp");
        Run demo = Run.of(Path.of("."), 120, noTemporaryFolder, LAUNCHER.toString(), "--data",
                work.resolve("data").toString(), "demo");
        assertThat(demo.exitCode()).as(demo.output()).isZero();
        Run inspections = Run.of(Path.of("."), 120, noTemporaryFolder, LAUNCHER.toString(), "--data",
                work.resolve("data").toString(), "inspections");
        assertThat(inspections.exitCode()).as(inspections.output()).isZero();
        assertThat(inspections.output()).contains("FINALIZED");
    }

    @Test
    void theRuntimeHoldsOnlyWhatTheAppNeeds() throws Exception {
        Properties release = new Properties();
        try (var in = Files.newBufferedReader(IMAGE.resolve("lib/runtime/release"))) {
            release.load(in);
        }
        List<String> modules = Arrays.asList(release.getProperty("MODULES").replace("\"", "").split(" "));

        assertThat(modules).contains("java.base", "java.desktop", "java.sql", "jdk.crypto.ec", "jdk.localedata",
                        "javafx.base", "javafx.graphics", "javafx.controls")
                .doesNotContain("java.compiler", "jdk.compiler", "jdk.jshell", "java.net.http", "jdk.httpserver",
                        "jdk.jpackage", "java.rmi", "jdk.jdi", "javafx.fxml", "javafx.web", "javafx.media")
                .hasSizeLessThan(18);
        // JavaFX's native libraries lie beside the JDK's, where JavaFX loads them from: none is unpacked at a start.
        assertThat(IMAGE.resolve("lib/runtime/lib/libglassgtk3.so")).isRegularFile();
        assertThat(IMAGE.resolve("lib/app/javafx")).doesNotExist();
        assertThat(IMAGE.resolve("lib/runtime/bin/javac")).doesNotExist();
        assertThat(IMAGE.resolve("lib/runtime/include")).doesNotExist();
        assertThat(Files.size(IMAGE.resolve("lib/runtime/lib/modules"))).as("the trimmed runtime's module image")
                .isLessThan(60L * 1024 * 1024);
    }

    @Test
    void theLauncherStartsWithTheShippedJvmOptions() throws Exception {
        List<String> shipped = OptionLines.of(Path.of("packaging/jvm.options"));
        List<String> configured = Files.readAllLines(IMAGE.resolve("lib/app/Tachiiri.cfg")).stream()
                .filter(line -> line.startsWith("java-options=")).map(line -> line.substring("java-options=".length()))
                .toList();

        assertThat(shipped).isNotEmpty();
        assertThat(configured).containsAll(shipped);
    }

    @Test
    void theLicenceTravelsWithTheApplication() throws Exception {
        assertThat(Files.readAllBytes(IMAGE.resolve("lib/app/LICENSE"))).isEqualTo(Files.readAllBytes(Path.of("LICENSE")));
    }

    @Test
    void theReleaseNotesAreChangelogsSectionForTheVersion() throws Exception {
        String heading = VERSION.endsWith("-SNAPSHOT") ? "## [Unreleased]" : "## [" + VERSION + "]";
        List<String> changelog = Files.readAllLines(Path.of("CHANGELOG.md"));
        int start = changelog.indexOf(heading);
        assertThat(start).as("CHANGELOG.md has a section " + heading).isNotNegative();
        int end = start + 1;
        while (end < changelog.size() && !changelog.get(end).startsWith("## [")) {
            end++;
        }

        assertThat(Files.readAllLines(IMAGE.resolve("lib/app/RELEASE-NOTES.md")))
                .isEqualTo(changelog.subList(start, end)).hasSizeGreaterThan(2);
    }

    @Test
    void theDebInstallsTheImageWithAMenuEntryAndTheIcon(@TempDir Path unpacked) throws Exception {
        Path deb = deb();
        String debianVersion = VERSION.endsWith("-SNAPSHOT") ? VERSION.replace("-SNAPSHOT", "-0~snapshot") : VERSION + "-1";
        Run control = Run.of(Path.of("."), 60, "dpkg-deb", "--field", deb.toString(), "Package", "Version", "Depends");
        assertThat(control.output()).contains("Package: tachiiri", "Version: " + debianVersion)
                .containsPattern("Depends: .*libgtk-3-0").containsPattern("Depends: .*xdg-utils");

        assertThat(Run.of(Path.of("."), 120, "dpkg-deb", "--extract", deb.toString(), unpacked.toString()).exitCode()).isZero();
        Path installed = unpacked.resolve("opt/tachiiri");
        String desktopEntry = Files.readString(installed.resolve("lib/tachiiri-Tachiiri.desktop"));
        assertThat(desktopEntry).contains("Name=Tachiiri", "Name[ja]=立入", "Exec=/opt/tachiiri/bin/Tachiiri",
                "Icon=/opt/tachiiri/lib/Tachiiri.png", "Categories=Office", "Terminal=false");
        Run validate = Run.of(Path.of("."), 60, "desktop-file-validate", installed.resolve("lib/tachiiri-Tachiiri.desktop").toString());
        assertThat(validate.exitCode()).as(validate.output()).isZero();
        assertThat(validate.output()).isEmpty();
        assertThat(Files.readAllBytes(installed.resolve("lib/Tachiiri.png")))
                .isEqualTo(Files.readAllBytes(Path.of("packaging/linux/tachiiri.png")));

        Run version = Run.of(Path.of("."), 60, installed.resolve("bin/Tachiiri").toString(), "--version");
        assertThat(version.output().strip()).isEqualTo("tachiiri " + VERSION);
        if (hasClassCache()) {
            // -XX:AOTMode=on stops the JVM where the cache cannot be used: it is used where the package installs it.
            Run onTheCache = Run.of(Path.of("."), 60, Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on"),
                    installed.resolve("bin/Tachiiri").toString(), "--version");
            assertThat(onTheCache.exitCode()).as(onTheCache.output()).isZero();
            assertThat(onTheCache.output()).contains("tachiiri " + VERSION);
        }
    }

    /**
     * The package's own scripts add and remove the menu entry; where a machine has no desktop menu (a server, a
     * minimal installation, this one) installing and removing still succeed, saying why there is no entry.
     */
    @Test
    void installingAndRemovingSucceedWithoutADesktopMenu(@TempDir Path control) throws Exception {
        assertThat(Run.of(Path.of("."), 60, "dpkg-deb", "--control", deb().toString(), control.toString()).exitCode()).isZero();

        Run configure = Run.of(control, 60, "sh", "postinst", "configure");
        assertThat(configure.exitCode()).as(configure.output()).isZero();
        assertThat(configure.output()).contains("tachiiri: no menu entry");
        Run remove = Run.of(control, 60, "sh", "prerm", "remove");
        assertThat(remove.exitCode()).as(remove.output()).isZero();
    }

    /**
     * Starts the launcher without a command, on a virtual X display: its window opens and the data folder opens
     * behind it (the device's signing key is made), with no error on screen or in its output.
     */
    @Test
    void theAppOpensItsWindowAndItsDataFolder(@TempDir Path data) throws Exception {
        Path log = INSTALLERS.resolve("window-test.log");
        try (VirtualDisplay display = VirtualDisplay.start()) {
            ProcessBuilder launch = new ProcessBuilder(LAUNCHER.toString(), "--data", data.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            launch.environment().put("DISPLAY", display.name());
            Process app = launch.start();
            try {
                String title = Messages.of(Language.JA).get("app.title");
                waitUntil(() -> Run.of(Path.of("."), 30, "xwininfo", "-display", display.name(), "-root", "-tree").output()
                        .contains(title) || !app.isAlive());
                waitUntil(() -> deviceKeys(data.resolve("tachiiri.db")) > 0 || Files.readString(log).contains("Exception")
                        || !app.isAlive());

                assertThat(app.isAlive()).as("the app still runs; its output:%n%s", Files.readString(log)).isTrue();
                // JavaFX runs as named modules, the configuration it supports; on the class path it warns.
                assertThat(Files.readString(log)).doesNotContain("Exception").doesNotContain("Unsupported JavaFX configuration")
                        // nor a warning of the JVM's (native access, sun.misc.Unsafe, a class cache it cannot use)
                        .doesNotContain("WARNING: ").doesNotContain("[aot]");
                assertThat(deviceKeys(data.resolve("tachiiri.db"))).isEqualTo(1);
            } finally {
                app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Built on Java 25, the image carries an ahead-of-time class cache, trained by one start at build time, which its
     * launcher names through $APPDIR. A copy of the image in another folder (as an IT department copies it, or the
     * .deb installs it) still maps it: the start that build.sh trains with — the app closing itself once its home
     * screen is shown — runs with the cache made mandatory, and takes the home screen's classes from it.
     */
    @Test
    void aCopyOfTheImageStartsToItsHomeScreenFromTheClassCache(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(hasClassCache(), "the image was built on Java " + runtimeFeature() + ", without a class cache");
        assertThat(Files.readAllLines(IMAGE.resolve("lib/app/Tachiiri.cfg")))
                .contains("java-options=-XX:AOTCache=$APPDIR/tachiiri.aot");
        Path copy = work.resolve("elsewhere/Tachiiri");
        Files.createDirectories(copy.getParent());
        assertThat(Run.of(Path.of("."), 120, "cp", "-r", IMAGE.toString(), copy.toString()).exitCode()).isZero();
        String launcher = copy.resolve("bin/Tachiiri").toString();
        Path data = work.resolve("data");
        assertThat(Run.of(Path.of("."), 120, launcher, "--data", data.toString(), "role", "inspector").exitCode()).isZero();
        assertThat(Run.of(Path.of("."), 120, launcher, "--data", data.toString(), "demo").exitCode()).isZero();

        Path classes = work.resolve("classes.log");
        try (VirtualDisplay display = VirtualDisplay.start()) {
            Map<String, String> environment = Map.of("DISPLAY", display.name(), "JAVA_TOOL_OPTIONS",
                    "-XX:AOTMode=on -Dtachiiri.closeAfterHomeScreen=true -Xlog:class+load=info:file=" + classes);
            Run start = Run.of(Path.of("."), 120, environment, launcher, "--data", data.toString());
            assertThat(start.exitCode()).as("the app closes itself on its home screen; its output:%n%s", start.output()).isZero();
        }
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).anyMatch(line -> line.contains(" jp.tachiiri.ui.home.HomeView source: shared objects file"));
        long fromTheCache = loaded.stream().filter(line -> line.endsWith("source: shared objects file")).count();
        assertThat(fromTheCache).as("classes from the cache, of %s loaded", loaded.size()).isGreaterThan(loaded.size() * 9L / 10);
    }

    /**
     * Fails at once, before minutes of building, naming every command of packaging/linux/installers-test.tools that
     * is not on the PATH and how to install it. It fails rather than skips: a machine that cannot run this test must
     * say so, and a developer who does not want it leaves it out deliberately with failsafe's own -DskipITs.
     */
    private static void failUnlessTheToolsAreInstalled() {
        List<String> missingCommands = new ArrayList<>();
        List<String> missingPackages = new ArrayList<>();
        for (String line : OptionLines.of(Path.of("packaging/linux/installers-test.tools"))) {
            String[] commandAndPackage = line.split("\\s+");
            if (!onThePath(commandAndPackage[0])) {
                missingCommands.add(commandAndPackage[0]);
                missingPackages.add(commandAndPackage[1]);
            }
        }
        if (!missingCommands.isEmpty()) {
            fail("LinuxInstallersIT builds the Linux installers and tries them; not on the PATH: %s."
                    + " Install (Debian, Ubuntu): sudo apt-get install %s. Or leave this test out: ./mvnw verify -DskipITs",
                    String.join(", ", missingCommands), String.join(" ", missingPackages));
        }
    }

    private static boolean onThePath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, command)));
    }

    /** The feature version of the Java runtime in the image (17, 25), from its release file. */
    private static int runtimeFeature() throws IOException {
        Properties release = new Properties();
        try (var in = Files.newBufferedReader(IMAGE.resolve("lib/runtime/release"))) {
            release.load(in);
        }
        return Integer.parseInt(release.getProperty("JAVA_VERSION").replace("\"", "").split("\\.")[0]);
    }

    /** build.sh trains a class cache when it packages with Java 25 or newer, the JDK these machines have. */
    private static boolean hasClassCache() throws IOException {
        return runtimeFeature() >= 25;
    }

    /** An X server of its own (Xvfb), for the launcher's window; stopped when closed. */
    private record VirtualDisplay(Process server, String name) implements AutoCloseable {

        static VirtualDisplay start() throws IOException {
            Process server = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String number = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(number).as("Xvfb names its display").matches("\\d+");
            return new VirtualDisplay(server, ":" + number);
        }

        @Override
        public void close() throws InterruptedException {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** How many signing keys the data file holds; 0 while it does not exist or is still being made. */
    private static int deviceKeys(Path database) {
        if (!Files.exists(database)) {
            return 0;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + database);
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT count(*) FROM device_key")) {
            return count.getInt(1);
        } catch (SQLException stillBeingCreated) {
            return 0;
        }
    }

    /** Waits at most 90 seconds for the condition; the assertions after it say what was missing. */
    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (TimeoutException notMet) {
            // the assertions that follow name what did not happen
        }
    }

    private static Path deb() throws IOException {
        try (var files = Files.list(INSTALLERS)) {
            return files.filter(file -> file.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
    }

    private static Run tachiiri(Path data, String... command) throws Exception {
        List<String> arguments = new ArrayList<>(List.of(LAUNCHER.toString(), "--data", data.toString()));
        arguments.addAll(List.of(command));
        return Run.of(Path.of("."), 120, arguments.toArray(String[]::new));
    }

    /** A finished command: its exit code and what it printed (standard output and error together). */
    private record Run(int exitCode, String output) {

        static Run of(Path folder, long timeoutSeconds, String... command) throws IOException, InterruptedException {
            return of(folder, timeoutSeconds, Map.of(), command);
        }

        static Run of(Path folder, long timeoutSeconds, Map<String, String> environment, String... command)
                throws IOException, InterruptedException {
            Path output = Files.createTempFile("run", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                        .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n"
                            + Files.readString(output));
                }
                return new Run(process.exitValue(), Files.readString(output));
            } finally {
                Files.delete(output);
            }
        }
    }
}
