package jp.tachiiri.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import jp.tachiiri.workbook.WorkbookLayout;

/**
 * LibreOffice Calc, headless (Debian's libreoffice-calc-nogui and python3-uno, which .ci/run installs), driven through
 * its UNO API by a small Python script: a real spreadsheet program making a workbook cell by cell. Each run has its own
 * user profile and a time limit; on the limit the script and the office it started are killed.
 */
public final class LibreOfficeCalc {

    private static final Duration LIMIT = Duration.ofMinutes(4);
    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");

    private LibreOfficeCalc() {
    }

    /** Whether soffice is on the PATH. */
    public static boolean installed() {
        return succeeds(List.of("sh", "-c", "command -v soffice"));
    }

    /** Typed into a cell as a person types it: Calc recognises what it is (a date becomes a date-formatted serial). */
    public record Typed(String input) {
    }

    /** A formula in Calc's API grammar (English names, ';' between arguments); Calc saves its result with it. */
    public record Formula(String formula) {
    }

    /**
     * Makes {@code draft}'s sheets and cells from scratch in Calc and saves them as .xlsx at {@code out}: a String is
     * put as text, a {@link Typed} or a number as typed input, a {@link TestWorkbooks.DateCell} typed as its ISO date,
     * a {@link Formula} as a formula.
     */
    public static Path newWorkbook(TestWorkbooks.Draft draft, Path out, Path work) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode spec = json.createObjectNode();
        ArrayNode sheets = spec.putArray("sheets");
        draft.sheets().forEach((name, rows) -> {
            ObjectNode sheet = sheets.addObject().put("name", name).put("hidden", draft.hidden().contains(name));
            ArrayNode cells = sheet.putArray("cells");
            rows.forEach((row, columns) -> columns.forEach((column, value) -> {
                ObjectNode cell = cells.addObject().put("cell", WorkbookLayout.cellName(row, column));
                if (value instanceof Formula formula) {
                    cell.put("formula", formula.formula());
                } else if (value instanceof Typed typed) {
                    cell.put("typed", typed.input());
                } else if (value instanceof TestWorkbooks.DateCell date) {
                    cell.put("typed", date.date().toString());
                } else if (value instanceof Number number) {
                    cell.put("typed", number.toString());
                } else {
                    cell.put("text", value.toString());
                }
            }));
        });
        Path specFile = work.resolve("spec.json");
        json.writeValue(specFile.toFile(), spec);
        Path script = work.resolve("new_workbook.py");
        try (InputStream in = LibreOfficeCalc.class.getResourceAsStream("/libreoffice/new_workbook.py")) {
            Files.copy(in, script);
        }
        Path profile = Files.createDirectories(work.resolve("profile-" + UUID.randomUUID()));
        run(List.of(python(), script.toString(), specFile.toString(), out.toAbsolutePath().toString(),
                profile.toUri().toString(), "tachiiri-" + UUID.randomUUID()), work);
        return out;
    }

    /** A Python 3 that has LibreOffice's uno module (Debian's python3-uno is for the system's /usr/bin/python3). */
    private static String python() {
        return PYTHONS.stream().filter(python -> succeeds(List.of(python, "-c", "import uno"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("LibreOffice is installed but no python3 can import uno: "
                        + "apt-get install python3-uno"));
    }

    private static void run(List<String> command, Path work) throws IOException, InterruptedException {
        Path log = work.resolve("libreoffice.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException("LibreOffice did not finish in " + LIMIT + ": " + command + "\n" + Files.readString(log));
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("LibreOffice failed (" + process.exitValue() + "): " + command + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static boolean succeeds(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
