package jp.tachiiri.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Language;
import jp.tachiiri.testsupport.FileSyncTrace;
import jp.tachiiri.testsupport.FileSyncTrace.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report's CSV file on a real disk: all of it, or the one before. */
class CsvFileTest {

    private static final List<String> HEADER = List.of("年度", "施設");

    @TempDir
    Path folder;

    @Test
    void rowsThatFailHalfwayKeepTheReportBeforeAndLeaveNoTemporaryFile() throws IOException {
        Path out = folder.resolve("fy2026.csv");
        CsvFile.write(out, row -> row.accept(HEADER));
        byte[] before = Files.readAllBytes(out);
        IllegalStateException bug = new IllegalStateException("the data went away while the rows were read");

        Throwable thrown = catchThrowable(() -> CsvFile.write(out, row -> {
            row.accept(HEADER);
            row.accept(List.of("2026", "さくら病院"));
            throw bug;
        }));

        assertThat(thrown).isSameAs(bug);
        assertThat(Files.readAllBytes(out)).isEqualTo(before);
        assertThat(files()).containsExactly(out);
    }

    @Test
    void aWriteFailingHalfwayIsReportedNamingTheFileInBothLanguages() throws IOException {
        Path out = folder.resolve("fy2026.csv");

        UserFacingException error = catchThrowableOfType(UserFacingException.class, () -> CsvFile.write(out, row -> {
            row.accept(HEADER);
            throw new UncheckedIOException(new IOException("No space left on device"));
        }));

        assertThat(error.key()).isEqualTo("report.error.write");
        for (Language language : Language.values()) {
            assertThat(error.localizedMessage(language)).contains(out.toString(), "No space left on device");
        }
        assertThat(files()).isEmpty();
    }

    /** The export left out the folder's fsync once; now it is made durable as every other file. */
    @Test
    void theFileIsForcedRenamedAndItsFolderForced() throws IOException {
        List<Call> calls = FileSyncTrace.of(folder, WriteOne.class, folder.resolve("fy2026.csv").toString());

        assertThat(calls).hasSize(3);
        String temporary = calls.get(0).paths().get(0);
        assertThat(AtomicFile.isTemporary(Path.of(temporary))).as(temporary).isTrue();
        assertThat(calls).containsExactly(Call.sync(temporary), Call.rename(temporary, "fy2026.csv"), Call.sync(""));
    }

    /** Run as a child JVM under strace: writes a small CSV to {@code args[0]}. */
    public static final class WriteOne {

        private WriteOne() {
        }

        public static void main(String[] args) {
            CsvFile.write(Path.of(args[0]), row -> {
                row.accept(HEADER);
                row.accept(List.of("2026", "さくら病院"));
            });
        }
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}
