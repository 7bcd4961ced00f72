package jp.tachiiri.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log in the data folder, and how failures read to the user with it. */
class AppLogTest {

    @TempDir
    Path data;

    @AfterEach
    void closeLog() {
        AppLog.close();
    }

    private String logText() throws Exception {
        return Files.readString(data.resolve("logs").resolve("tachiiri-0.log"), StandardCharsets.UTF_8);
    }

    @Test
    void anUnexpectedFailureIsWrittenWithItsTraceAndTheStartOfTheRun() throws Exception {
        assertThat(AppLog.install(data)).contains(data.resolve("logs"));

        AppLog.unexpected("saving the facility failed", new IllegalStateException("the disk went away"));

        String log = logText();
        assertThat(log).contains("Tachiiri " + AppVersion.current(), data.toString());
        assertThat(log).contains("SEVERE", "saving the facility failed", "java.lang.IllegalStateException: the disk went away",
                "\tat jp.tachiiri.app.AppLogTest.");
    }

    @Test
    void librariesLoggingThroughJavaUtilLoggingLandInTheSameFile() throws Exception {
        AppLog.install(data);

        Logger.getLogger("org.example.library").warning("a library's warning");

        assertThat(logText()).contains("WARNING org.example.library: a library's warning");
    }

    @Test
    void aFailureTheUserWasToldAboutIsKeptWithoutATrace() throws Exception {
        AppLog.install(data);

        AppLog.told("import", "sync.error.signature");

        assertThat(logText()).contains("WARNING jp.tachiiri: import: sync.error.signature").doesNotContain("\tat ");
    }

    @Test
    void anUnexpectedFailureReadsByItsCauseAndSaysWhereTheLogIs() {
        AppLog.install(data);
        Messages japanese = Messages.of(Language.JA);
        Messages english = Messages.of(Language.EN);
        // An Error reaches the screen wrapped (see StoreExecutor): the user reads the Error, not the wrapper.
        CompletionException outOfMemory = new CompletionException(new OutOfMemoryError("Java heap space"));

        assertThat(Failures.describe(japanese, outOfMemory))
                .startsWith("予期しないエラーが発生しました: OutOfMemoryError: Java heap space")
                .contains("ログ", data.resolve("logs").toString());
        assertThat(Failures.describe(english, new IllegalStateException()))
                .contains("IllegalStateException", "log", data.resolve("logs").toString());
    }

    @Test
    void aKnownFailureReadsInItsOwnWordsOnly() {
        AppLog.install(data);
        UserFacingException known = new UserFacingException("error.unexpected", "x");

        assertThat(Failures.describe(Messages.of(Language.EN), known)).isEqualTo("An unexpected error occurred: x");
    }

    @Test
    void withoutAWritableFolderTheMessageDoesNotPointToALog() throws Exception {
        // A file where the log folder would be: root ignores permissions, so this is how the folder cannot be made.
        Files.writeString(data.resolve("logs"), "not a folder");

        assertThat(AppLog.install(data)).isEmpty();
        assertThat(AppLog.folder()).isEmpty();
        assertThat(Failures.describe(Messages.of(Language.EN), new IllegalStateException("boom")))
                .isEqualTo("An unexpected error occurred: IllegalStateException: boom");
    }
}
