package jp.tachiiri.testsupport;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a fuzz test class has been fuzzed (environment variable JAZZER_FUZZ set, as the bench profile does), prints
 * one line saying what was run: the target, for how long, how many inputs it executed, how large the corpus it
 * grew is, and its findings. Silent in the regression run of every build. The fuzz test calls
 * {@link #executed()} for each input; Jazzer fuzzes one class per JVM, so one counter serves.
 */
public final class FuzzingSummary implements BeforeAllCallback, AfterAllCallback {

    private static final AtomicLong EXECUTIONS = new AtomicLong();
    private Instant start;

    public static void executed() {
        EXECUTIONS.incrementAndGet();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start = Instant.now();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (System.getenv("JAZZER_FUZZ") == null) {
            return;
        }
        Class<?> testClass = context.getRequiredTestClass();
        String method = Stream.of(testClass.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(FuzzTest.class))
                .findFirst().orElseThrow().getName();
        // Jazzer keeps the corpus it grows in <basedir>/.cifuzz-corpus/<class>/<method>, its findings in <basedir>.
        Path base = Path.of(System.getProperty("jazzer.internal.basedir", ""));
        Path corpus = base.resolve(".cifuzz-corpus").resolve(testClass.getName()).resolve(method);
        List<String> findings = files(base).stream().filter(this::isNew).map(file -> file.getFileName().toString()).toList();
        System.out.printf("Fuzzing summary: %s.%s ran %d s, %,d executions; corpus %d inputs in %s; findings: %s%n",
                testClass.getSimpleName(), method, Duration.between(start, Instant.now()).toSeconds(), EXECUTIONS.get(),
                files(corpus).size(), corpus.toAbsolutePath(), findings.isEmpty() ? "none" : String.join(", ", findings));
    }

    private boolean isNew(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isAfter(start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
