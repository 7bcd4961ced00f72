package jp.tachiiri.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The app's log: what failed unexpectedly, with its trace, and the start of each run, in a few rotating files
 * under the data folder's {@code logs/}, so that an IT department can read what happened on a tablet long after.
 * Libraries logging through SLF4J land here too (slf4j-jdk14). When the folder cannot be written (a read-only
 * data folder), the log stays on standard error as before.
 */
public final class AppLog {

    /** Five files of 1 MB: weeks of a tablet's use, yet nothing that fills its storage. */
    private static final int FILE_BYTES = 1_000_000;
    private static final int FILES = 5;
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger APP = Logger.getLogger("jp.tachiiri");

    private static FileHandler handler;
    private static Path folder;

    private AppLog() {
    }

    /**
     * Logs to {@code dataFolder/logs} from now on (a second call moves the log there), noting the version and the
     * folder; returns the log folder, empty when it cannot be written.
     */
    public static synchronized Optional<Path> install(Path dataFolder) {
        Path logs = dataFolder.resolve("logs");
        if (logs.equals(folder)) {
            return Optional.of(logs);
        }
        close();
        try {
            Files.createDirectories(logs);
            FileHandler opened = new FileHandler(logs.resolve("tachiiri-%g.log").toString(), FILE_BYTES, FILES, true);
            opened.setFormatter(new LineFormatter());
            opened.setEncoding("UTF-8");
            ROOT.addHandler(opened);
            handler = opened;
            folder = logs;
            quietConsole(Level.OFF);
        } catch (IOException | RuntimeException e) {
            APP.log(Level.WARNING, "no log file in " + logs + ": " + e);
            return Optional.empty();
        }
        APP.info(() -> "Tachiiri " + AppVersion.current() + " on Java " + Runtime.version() + ", data folder " + dataFolder);
        return Optional.of(folder);
    }

    /** Where the log files are, once {@link #install} found a writable folder. */
    public static synchronized Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** Something failed that no rule expected: its trace goes to the log, {@code where} saying what was being done. */
    public static void unexpected(String where, Throwable failure) {
        APP.log(Level.SEVERE, where, failure);
    }

    /** A failure the user was told about in words (a refused bundle, a full disk): kept without its trace. */
    public static void told(String where, String what) {
        APP.log(Level.WARNING, where + ": " + what);
    }

    /** Stops writing to the file (tests switch data folders; the app at its end); standard error logs again. */
    public static synchronized void close() {
        if (handler != null) {
            ROOT.removeHandler(handler);
            handler.close();
            handler = null;
            folder = null;
            quietConsole(Level.INFO);
        }
    }

    /**
     * While the file holds the log, standard error carries only what the app says to its user: a command's
     * output would otherwise be mixed with log lines.
     */
    private static void quietConsole(Level level) {
        for (Handler each : ROOT.getHandlers()) {
            if (each instanceof ConsoleHandler) {
                each.setLevel(level);
            }
        }
    }

    /** One line per record (time in UTC, level, logger, message), then the trace if there is one. */
    private static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(record.getLevel()).append(' ')
                    .append(record.getLoggerName()).append(": ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
