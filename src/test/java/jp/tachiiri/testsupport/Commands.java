package jp.tachiiri.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import jp.tachiiri.cli.CommandLineRunner;

/** Runs the command line in this JVM, as {@code tachiiri ARGS…} would, capturing what it prints. */
public final class Commands {

    /** A command's exit code and what it printed to stdout and stderr. */
    public record Run(int exitCode, String out, String err) {
    }

    private Commands() {
    }

    public static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = CommandLineRunner.run(args, (data, language) -> { },
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
