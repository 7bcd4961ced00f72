package jp.tachiiri.testsupport;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Damage done to files as disks and people do it, and fingerprints to show that nothing else changed. */
public final class FileFaults {

    /** SQLite's default page size, which our data files keep. */
    private static final int PAGE = 4096;

    private FileFaults() {
    }

    /** Cuts the file to half its length, as an interrupted copy leaves it. */
    public static void truncateToHalf(Path file) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.setLength(raw.length() / 2);
        }
    }

    /** Random bytes over the middle half of the file's pages; the first page (the header) stays as it was. */
    public static void overwriteMiddle(Path file, long seed) throws IOException {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            long pages = raw.length() / PAGE;
            byte[] noise = new byte[PAGE];
            Random random = new Random(seed);
            for (long page = pages / 4; page < pages * 3 / 4; page++) {
                random.nextBytes(noise);
                raw.seek(page * PAGE);
                raw.write(noise);
            }
        }
    }

    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Every file under {@code folder}, by its relative path, with its SHA-256. */
    public static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                contents.put(folder.relativize(path).toString(), sha256(path));
            }
        }
        return contents;
    }
}
