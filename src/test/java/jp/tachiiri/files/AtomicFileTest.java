package jp.tachiiri.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import jp.tachiiri.files.AtomicFile.IfExists;
import jp.tachiiri.testsupport.FileSyncTrace;
import jp.tachiiri.testsupport.FileSyncTrace.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Files written whole or not at all, on a real disk. */
class AtomicFileTest {

    @TempDir
    Path folder;

    @Test
    void theContentStreamedInPiecesArrivesWholeUnderItsNameAndNothingElseIsLeft() throws IOException {
        byte[] content = randomBytes(3_000_017);
        Path target = folder.resolve("large.bin");

        AtomicFile.write(target, IfExists.REPLACE, out -> {
            for (int from = 0; from < content.length; from += 1_000) {
                out.write(content, from, Math.min(1_000, content.length - from));
            }
        });

        assertThat(Arrays.equals(Files.readAllBytes(target), content)).isTrue();
        assertThat(names(folder)).containsExactly("large.bin");
    }

    @Test
    void whileTheContentIsWrittenTheOldFileStaysAndTheBytesGoToATemporaryFileBesideIt() throws IOException {
        Path target = Files.writeString(folder.resolve("report.csv"), "old");

        AtomicFile.write(target, IfExists.REPLACE, out -> {
            out.write("new, half".getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(Files.readString(target)).isEqualTo("old");
            List<Path> others = others(target);
            assertThat(others).hasSize(1);
            assertThat(AtomicFile.isTemporary(others.get(0))).as(others.get(0).toString()).isTrue();
            assertThat(Files.readString(others.get(0))).isEqualTo("new, half");
            out.write(" and whole".getBytes(StandardCharsets.UTF_8));
        });

        assertThat(Files.readString(target)).isEqualTo("new, half and whole");
        assertThat(names(folder)).containsExactly("report.csv");
    }

    static Stream<Throwable> failures() {
        return Stream.of(new IOException("No space left on device"), new UncheckedIOException(new IOException("gone")),
                new IllegalStateException("a bug in the writing code"), new OutOfMemoryError("an Error"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void aFailureHalfwayKeepsTheOldFileAndLeavesNoTemporaryFile(Throwable failure) throws IOException {
        Path target = Files.writeString(folder.resolve("advice.pdf"), "the version before");

        Throwable thrown = catchThrowable(() -> AtomicFile.write(target, IfExists.REPLACE, failingHalfway(failure)));

        assertThat(thrown).isSameAs(failure);
        assertThat(Files.readString(target)).isEqualTo("the version before");
        assertThat(names(folder)).containsExactly("advice.pdf");
    }

    @ParameterizedTest
    @MethodSource("failures")
    void aFailureHalfwayLeavesNoFileWhereThereWasNone(Throwable failure) {
        Path target = folder.resolve("bundle.json");

        Throwable thrown = catchThrowable(() -> AtomicFile.write(target, IfExists.REFUSE, failingHalfway(failure)));

        assertThat(thrown).isSameAs(failure);
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenTheCallerAsksForIt() throws IOException {
        Path target = folder.resolve("outbox.json");
        AtomicFile.write(target, IfExists.REFUSE, text("first"));
        assertThat(Files.readString(target)).as("nothing was there to refuse").isEqualTo("first");

        Throwable refused = catchThrowable(() -> AtomicFile.write(target, IfExists.REFUSE, text("second")));

        assertThat(refused).isInstanceOf(FileAlreadyExistsException.class).hasMessageContaining(target.toString());
        assertThat(Files.readString(target)).isEqualTo("first");
        assertThat(names(folder)).as("no temporary file left").containsExactly("outbox.json");

        AtomicFile.write(target, IfExists.REPLACE, text("third"));
        assertThat(Files.readString(target)).isEqualTo("third");
        assertThat(names(folder)).containsExactly("outbox.json");
    }

    @Test
    void contentThatClosesItsStreamStillGivesTheWholeFile() throws IOException {
        Path target = folder.resolve("closed.txt");

        AtomicFile.write(target, IfExists.REPLACE, out -> {
            try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                writer.write("書いて閉じた");
            }
        });

        assertThat(Files.readString(target)).isEqualTo("書いて閉じた");
        assertThat(names(folder)).containsExactly("closed.txt");
    }

    @Test
    void aStagedFileGetsItsNameOnlyWhenMovedAndIsGoneWhenItIsNot() throws IOException {
        AtomicFile.Staged unnamed = AtomicFile.stage(folder, text("not wanted after all"));
        assertThat(names(folder)).singleElement().satisfies(name -> assertThat(AtomicFile.isTemporary(Path.of(name))).isTrue());
        unnamed.close();
        assertThat(folder).isEmptyDirectory();

        Path target = Files.createDirectories(folder.resolve("ab")).resolve("ab12");
        try (AtomicFile.Staged staged = AtomicFile.stage(folder, text("named by its hash"))) {
            staged.moveTo(target, IfExists.REPLACE);
        }
        assertThat(Files.readString(target)).isEqualTo("named by its hash");
        assertThat(names(folder)).containsExactly("ab");
    }

    @Test
    void aWholeFileIsMovedIntoPlaceReplacingOnlyWhenAsked() throws IOException {
        Path staged = Files.writeString(folder.resolve("attachment-0"), "checked bytes");
        Path target = Files.writeString(Files.createDirectories(folder.resolve("cd")).resolve("cd34"), "damaged");

        Throwable refused = catchThrowable(() -> AtomicFile.moveIntoPlace(staged, target, IfExists.REFUSE));
        assertThat(refused).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(target)).isEqualTo("damaged");
        assertThat(staged).exists();

        AtomicFile.moveIntoPlace(staged, target, IfExists.REPLACE);
        assertThat(Files.readString(target)).isEqualTo("checked bytes");
        assertThat(staged).doesNotExist();
    }

    /**
     * The order that survives a power cut, seen in the system calls of a child JVM: the bytes forced, then the
     * rename, then the folder that holds the new name forced, and the folder it left when that is another one, for
     * each way into place.
     */
    @Test
    void theBytesAreForcedBeforeTheRenameAndTheFoldersOfBothNamesAfterIt() throws IOException {
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("plain.txt"), "written elsewhere");

        List<Call> calls = FileSyncTrace.of(folder, WriteEachWay.class, folder.toString());

        assertThat(calls).hasSize(11);
        String written = calls.get(0).paths().get(0);
        String staged = calls.get(3).paths().get(0);
        assertThat(List.of(written, staged)).allSatisfy(name -> assertThat(AtomicFile.isTemporary(Path.of(name))).isTrue());
        assertThat(calls).containsExactly(
                Call.sync(written), Call.rename(written, "whole.txt"), Call.sync(""),
                Call.sync(staged), Call.rename(staged, "sub/named.txt"), Call.sync("sub"), Call.sync(""),
                Call.sync("plain.txt"), Call.rename("plain.txt", "sub/moved.txt"), Call.sync("sub"), Call.sync(""));
    }

    /** Run as a child JVM under strace: writes a file each way into place in the folder {@code args[0]}. */
    public static final class WriteEachWay {

        private WriteEachWay() {
        }

        public static void main(String[] args) throws IOException {
            Path folder = Path.of(args[0]);
            AtomicFile.write(folder.resolve("whole.txt"), IfExists.REPLACE, text("whole"));
            try (AtomicFile.Staged staged = AtomicFile.stage(folder, text("staged"))) {
                staged.moveTo(folder.resolve("sub").resolve("named.txt"), IfExists.REPLACE);
            }
            AtomicFile.moveIntoPlace(folder.resolve("plain.txt"), folder.resolve("sub").resolve("moved.txt"), IfExists.REPLACE);
        }
    }

    private static AtomicFile.Content text(String text) {
        return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a good part of a file, then fails as {@code failure} says. */
    private static AtomicFile.Content failingHalfway(Throwable failure) {
        return out -> {
            out.write(randomBytes(200_000));
            if (failure instanceof IOException e) {
                throw e;
            } else if (failure instanceof RuntimeException e) {
                throw e;
            }
            throw (Error) failure;
        };
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }

    private List<Path> others(Path target) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> !file.equals(target)).toList();
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
