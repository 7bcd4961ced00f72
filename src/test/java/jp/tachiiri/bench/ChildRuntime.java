package jp.tachiiri.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.spi.ToolProvider;

/**
 * The Java runtime a benchmark's child JVMs run on, the same for the app and its floor: this JVM's, or another
 * (Java 25 LTS) with options of its own, and possibly an ahead-of-time cache (JEPs 483/514/515) trained for each
 * program by one run of it. An AOT cache takes only jar files on the class path, so the class folders of the build
 * are packed into jars first.
 */
record ChildRuntime(String name, Path java, List<String> options, List<String> classPath, Optional<Path> aotFolder) {

    /** This JVM's java and class path: the runtime the other figures are taken on. */
    static ChildRuntime current() {
        return new ChildRuntime("Java " + Runtime.version().feature(), Path.of(System.getProperty("java.home"), "bin", "java"),
                List.of(), List.of(System.getProperty("java.class.path").split(File.pathSeparator)), Optional.empty());
    }

    /**
     * The Java 25 the benchmarks compare with: {@code bench.java25}, else the Temurin 25 these machines have; empty
     * where there is none.
     */
    static Optional<Path> java25() {
        Path java = Path.of(System.getProperty("bench.java25", "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"));
        return Files.isExecutable(java) ? Optional.of(java) : Optional.empty();
    }

    /** {@code java} with {@code options}, no AOT cache. */
    static ChildRuntime of(String name, Path java, List<String> options) {
        return new ChildRuntime(name, java, List.copyOf(options), current().classPath(), Optional.empty());
    }

    /**
     * The same runtime with an ahead-of-time cache per program, in {@code folder}: the build's class folders packed
     * into jars there, each program's cache made by {@link #train} before it is measured.
     */
    ChildRuntime withAotCache(Path folder) {
        List<String> jars = new ArrayList<>();
        for (String entry : classPath) {
            Path path = Path.of(entry);
            jars.add(Files.isDirectory(path) ? packed(path, folder.resolve(path.getFileName() + ".jar")).toString() : entry);
        }
        return new ChildRuntime(name + ", AOT cache", java, options, jars, Optional.of(folder));
    }

    /** The options for a child running {@code program} ("bare" or the app's): its AOT cache when there is one. */
    List<String> optionsFor(String program) {
        List<String> all = new ArrayList<>(options);
        aotFolder.ifPresent(folder -> all.add("-XX:AOTCache=" + cache(folder, program)));
        return all;
    }

    /** The options of the training run that writes {@code program}'s AOT cache as it exits. */
    List<String> trainingOptionsFor(String program) {
        List<String> all = new ArrayList<>(options);
        all.add("-XX:AOTCacheOutput=" + cache(aotFolder.orElseThrow(), program));
        return all;
    }

    boolean hasAotCache(String program) {
        return aotFolder.map(folder -> Files.isRegularFile(cache(folder, program))).orElse(false);
    }

    /** One cache for the bare window, one for the app (its start, first start and session alike). */
    private static Path cache(Path folder, String program) {
        return folder.resolve((program.equals("bare") ? "bare" : "app") + ".aot");
    }

    private static Path packed(Path classes, Path jar) {
        try {
            Files.createDirectories(jar.getParent());
            ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow(() -> new IllegalStateException("no jar tool"));
            int exit = tool.run(System.out, System.err, "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
            if (exit != 0) {
                throw new IllegalStateException("jar exited with " + exit + " packing " + classes);
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
