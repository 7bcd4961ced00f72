package jp.tachiiri.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The entries of packaging's line files (jvm.options, runtime.modules): one per line, blanks and # comments left out. */
public final class OptionLines {

    private OptionLines() {
    }

    public static List<String> of(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
