package jp.tachiiri.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import jp.tachiiri.workbook.WorkbookLayout;
import org.junit.jupiter.api.Assumptions;

/**
 * A real spreadsheet program for the tests of the self-check workbooks: LibreOffice Calc, headless (Debian's
 * libreoffice-calc-nogui and python3-uno, which .ci/run installs). Each call runs its own LibreOffice with its own
 * user profile in a temporary folder, so that calls in parallel or a crashed one do not disturb each other, and ends
 * it, with everything it started, after a time limit.
 *
 * <p>{@link #edit} fills cells the way a person at the keyboard does (through UNO, driven by
 * {@code libreoffice-calc.py} beside this class), stores the result as .xlsx and reports what LibreOffice sees in the
 * stored file; {@link #newWorkbook} makes a workbook from scratch that way; {@link #convert} is LibreOffice's own
 * --convert-to (e.g. to PDF, to see what a printout looks like).
 */
public final class LibreOffice {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final String SCRIPT = "libreoffice-calc.py";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BUNDLED_FONTS = Path.of("resources/fonts");

    private LibreOffice() {
    }

    /** One thing a person does in the spreadsheet; {@code sheet} null means the first sheet. */
    public record Edit(String op, String sheet, String cell, String value) {

        /** Types a text into a cell. */
        public static Edit text(String sheet, String cell, String text) {
            return new Edit("text", sheet, cell, text);
        }

        /** Puts a number into a cell (a date as its serial number: days since 1899-12-30). */
        public static Edit number(String sheet, String cell, double number) {
            return new Edit("number", sheet, cell, Double.toString(number));
        }

        /**
         * Types into a cell as at the keyboard: Calc recognises numbers and dates (2026-06-01 becomes a serial number,
         * in a date format unless the cell has a number format of its own).
         */
        public static Edit typed(String sheet, String cell, String input) {
            return new Edit("typed", sheet, cell, input);
        }

        /** A formula in Calc's API grammar (English names, ';' between arguments); Calc stores its result with it. */
        public static Edit formula(String sheet, String cell, String formula) {
            return new Edit("formula", sheet, cell, formula);
        }

        public static Edit addSheet(String name) {
            return new Edit("addSheet", name, null, null);
        }

        public static Edit renameSheet(String sheet, String newName) {
            return new Edit("renameSheet", sheet, null, newName);
        }

        public static Edit hideSheet(String sheet) {
            return new Edit("hideSheet", sheet, null, null);
        }
    }

    /** A formula in a {@link TestWorkbooks.Draft}'s cell, for {@link #newWorkbook}. */
    public record Formula(String formula) {
    }

    /** Skips the calling test, saying why, where LibreOffice is not installed (CI installs it). */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(soffice().isPresent(),
                "LibreOffice is not installed (no soffice on the PATH): apt-get install libreoffice-calc-nogui python3-uno");
    }

    /**
     * Opens {@code input} (null: a new, empty spreadsheet) in LibreOffice, makes {@code edits}, stores the result as
     * {@code output} (.xlsx), opens that again and reports what LibreOffice sees: per sheet (in order) its name,
     * visible, protected, unprotectedWithoutPassword, printAreas and titleRows ({startRow, endRow, startColumn,
     * endColumn}, zero-based), paperWidth/paperHeight (1/100 mm), scaleToPagesX/Y; per cell of {@code inspect}
     * ("sheet!C10"; an empty sheet name means the first) its locked, string and validation {type, formula1,
     * showErrorMessage, errorMessage}.
     */
    public static JsonNode edit(Path input, Path output, List<Edit> edits, List<String> inspect)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("tachiiri-libreoffice-");
        try {
            Path script = work.resolve(SCRIPT);
            try (InputStream in = LibreOffice.class.getResourceAsStream(SCRIPT)) {
                Files.copy(in, script);
            }
            String pipe = "tachiiri-" + UUID.randomUUID();
            Path report = work.resolve("report.json");
            ObjectNode spec = JSON.createObjectNode().put("pipe", pipe)
                    .put("output", output.toAbsolutePath().toString()).put("report", report.toString());
            if (input != null) {
                spec.put("input", input.toAbsolutePath().toString());
            }
            ArrayNode steps = spec.putArray("edits");
            edits.forEach(edit -> steps.add(JSON.valueToTree(edit)));
            ArrayNode cells = spec.putArray("inspect");
            inspect.forEach(cells::add);
            Path specFile = work.resolve("spec.json");
            JSON.writeValue(specFile.toFile(), spec);

            Process office = start(work, List.of("--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext"));
            try {
                ProcessBuilder python = new ProcessBuilder(python(), script.toString(), specFile.toString())
                        .redirectErrorStream(true).redirectOutput(work.resolve("python.log").toFile());
                python.environment().remove("PYTHONPATH");
                python.environment().remove("PYTHONHOME");
                run(python.start(), "python3 " + SCRIPT, work.resolve("python.log"));
                if (!office.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("LibreOffice did not end after its work was done");
                }
            } finally {
                stop(office);
            }
            return JSON.readTree(report.toFile());
        } finally {
            delete(work);
        }
    }

    /**
     * Makes {@code draft}'s sheets and cells from scratch in Calc and stores them as .xlsx at {@code output}: a String
     * is put as text, a number or a {@link TestWorkbooks.DateCell} typed (the day as 2026-06-01), a {@link Formula}
     * as a formula.
     */
    public static Path newWorkbook(TestWorkbooks.Draft draft, Path output) throws IOException, InterruptedException {
        List<Edit> edits = new ArrayList<>();
        draft.sheets().forEach((name, rows) -> {
            edits.add(edits.isEmpty() ? Edit.renameSheet(null, name) : Edit.addSheet(name));
            rows.forEach((row, columns) -> columns.forEach((column, value) -> {
                String cell = WorkbookLayout.cellName(row, column);
                edits.add(value instanceof Formula formula ? Edit.formula(name, cell, formula.formula())
                        : value instanceof TestWorkbooks.DateCell date ? Edit.typed(name, cell, date.date().toString())
                        : value instanceof Number number ? Edit.typed(name, cell, number.toString())
                        : Edit.text(name, cell, value.toString()));
            }));
            if (draft.hidden().contains(name)) {
                edits.add(Edit.hideSheet(name));
            }
        });
        edit(null, output, edits, List.of());
        return output;
    }

    /** LibreOffice's --convert-to {@code format} (e.g. "pdf") of {@code input} into {@code folder}; the file made. */
    public static Path convert(Path input, Path folder, String format) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("tachiiri-libreoffice-");
        try {
            Process office = start(work, List.of("--convert-to", format, "--outdir", folder.toAbsolutePath().toString(),
                    input.toAbsolutePath().toString()));
            run(office, "soffice --convert-to " + format, work.resolve("office.log"));
            String name = input.getFileName().toString().replaceFirst("\\.[^.]+$", "") + "." + format;
            Path converted = folder.resolve(name);
            if (!Files.isRegularFile(converted)) {
                throw new IllegalStateException("LibreOffice made no " + converted + ": "
                        + Files.readString(work.resolve("office.log")));
            }
            return converted;
        } finally {
            delete(work);
        }
    }

    private static Process start(Path work, List<String> arguments) throws IOException {
        // The app's bundled Japanese font, which the workbooks name, besides the system's: a bare machine has no
        // Japanese font, and a printout would show empty boxes.
        Path fonts = work.resolve("fonts.conf");
        Files.writeString(fonts, """
                <?xml version="1.0"?>
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>%s</dir>
                  <cachedir>%s</cachedir>
                </fontconfig>
                """.formatted(BUNDLED_FONTS.toAbsolutePath(), work.resolve("font-cache")));
        List<String> command = new ArrayList<>(List.of(soffice().orElseThrow().toString(),
                "-env:UserInstallation=" + work.resolve("profile").toUri(), "--headless", "--invisible", "--norestore",
                "--nologo", "--nodefault", "--nolockcheck"));
        command.addAll(arguments);
        ProcessBuilder office = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("office.log").toFile());
        office.environment().put("FONTCONFIG_FILE", fonts.toString());
        return office.start();
    }

    private static void run(Process process, String what, Path log) throws IOException, InterruptedException {
        try {
            if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException(what + " took longer than " + LIMIT + ": " + Files.readString(log));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (" + process.exitValue() + "): " + Files.readString(log));
            }
        } finally {
            stop(process);
        }
    }

    /** Ends a process and what it started (soffice is a script that starts soffice.bin). */
    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public static Optional<Path> soffice() {
        return onPath("soffice");
    }

    /** Debian's python3, which python3-uno serves (a python3 of pyenv or a virtual environment has no uno). */
    private static String python() {
        Path debian = Path.of("/usr/bin/python3");
        return Files.isExecutable(debian) ? debian.toString()
                : onPath("python3").map(Path::toString).orElseThrow(() -> new IllegalStateException(
                        "no python3 for LibreOffice's UNO: apt-get install python3-uno"));
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator)).filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, command)).filter(Files::isExecutable).findFirst();
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The serial number a spreadsheet stores for a day (days since 1899-12-30). */
    public static double serial(LocalDate day) {
        return day.toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay();
    }
}
