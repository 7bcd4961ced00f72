package jp.tachiiri.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a backup holds, as the first thing inside its encrypted content: where it comes from (the device, its
 * role, the app and schema versions, when) and every file with its size and SHA-256, in the order their bytes follow.
 * Paths are relative to the data folder, with '/' between folders.
 */
public record BackupManifest(int format, String createdAt, String appVersion, int schemaVersion, String deviceId,
                             String role, List<Entry> files) {

    public static final int FORMAT = 1;
    /** The largest manifest read back: room for a million evidence files, not for a file that fills the memory. */
    static final int MAX_BYTES = 256 * 1024 * 1024;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** A path inside the data folder: names of letters, digits, '.', '_' and '-', never "." or "..". */
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** One file of the backup. */
    public record Entry(String path, long size, String sha256) {
    }

    public BackupManifest {
        files = List.copyOf(files);
    }

    /** The bytes of the database and evidence together. */
    public long totalBytes() {
        return files.stream().mapToLong(Entry::size).sum();
    }

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest is plain data", e);
        }
    }

    /**
     * The manifest in {@code json}, only if every path stays inside the data folder, names one file once, and the
     * database {@code databaseFile} is among them: a manifest that could write elsewhere is never followed.
     */
    static BackupManifest parse(byte[] json, String databaseFile) throws MalformedManifest {
        BackupManifest manifest;
        try {
            manifest = JSON.readValue(new String(json, StandardCharsets.UTF_8), BackupManifest.class);
        } catch (JsonProcessingException e) {
            throw new MalformedManifest(e.getOriginalMessage());
        }
        if (manifest.files() == null || manifest.format() != FORMAT) {
            throw new MalformedManifest("format " + manifest.format());
        }
        Set<String> seen = new HashSet<>();
        for (Entry entry : manifest.files()) {
            if (entry.path() == null || !SAFE_PATH.matcher(entry.path()).matches() || entry.path().contains("/./")
                    || entry.path().contains("..") || !seen.add(entry.path().toLowerCase(java.util.Locale.ROOT))) {
                throw new MalformedManifest("path " + entry.path());
            }
            if (entry.size() < 0 || entry.sha256() == null || !SHA256.matcher(entry.sha256()).matches()) {
                throw new MalformedManifest("entry " + entry.path());
            }
        }
        if (!seen.contains(databaseFile)) {
            throw new MalformedManifest("no " + databaseFile);
        }
        return manifest;
    }

    /** The manifest inside an authenticated content did not make sense: a bug or a forgery by the passphrase's holder. */
    static final class MalformedManifest extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedManifest(String what) {
            super(what);
        }
    }
}
