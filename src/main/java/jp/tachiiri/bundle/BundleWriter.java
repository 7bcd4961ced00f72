package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.files.AtomicFile.IfExists;

/**
 * Writes one signed bundle into a folder, whole or not at all ({@link AtomicFile}), and reads it back and
 * verifies it before the caller hears of success. A half-written or unreadable bundle therefore never carries
 * a bundle's name.
 */
public final class BundleWriter {

    public static final String FORMAT = "tachiiri-bundle";
    /**
     * 2.1 added the facility's type and fee add-on claims, 2.2 each revision's hospital form and vendor forms, 2.3 the
     * plans' self-checks in assignments bundles; 2.0 to 2.2 files are read as ever.
     */
    public static final String FORMAT_VERSION = "2.3";
    /** The versions this release reads: its own, and 2.0 to 2.2, which differ only by lacking later members. */
    static final List<String> READABLE_VERSIONS = List.of("2.0", "2.1", "2.2", FORMAT_VERSION);
    /** The versions whose revisions carry no forms. */
    static final List<String> WITHOUT_FORMS = List.of("2.0", "2.1");
    /** The versions whose assignments carry no plans' self-checks. */
    static final List<String> WITHOUT_SELF_CHECKS = List.of("2.0", "2.1", "2.2");
    /** Bytes per chunk: a multiple of 3, so only an attachment's last chunk has base64 padding. */
    static final int CHUNK_BYTES = 48 * 1024;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** A file to carry in the bundle under {@code id}. */
    public record Attachment(String id, Path file, String mediaType) {
    }

    private BundleWriter() {
    }

    /** A bundle on disk: its file and its id. */
    public record Written(Path file, String bundleId) {
    }

    /** Writes, verifies and returns the bundle file. */
    public static Written write(Path folder, DeviceIdentity device, BundleKind kind, Instant createdAt, JsonNode payload,
                             List<Attachment> attachments) {
        return write(folder, device, kind, createdAt, payload, attachments, UUID.randomUUID().toString());
    }

    /** The same with a given bundle id: for the format's test vector, which must be reproducible. */
    static Written write(Path folder, DeviceIdentity device, BundleKind kind, Instant createdAt, JsonNode payload,
                         List<Attachment> attachments, String bundleId) {
        Path target = folder.resolve(fileName(kind, device.deviceId(), createdAt, bundleId));
        List<BundleRecords.ManifestEntry> manifest = manifest(attachments, target);
        ObjectNode signed = BundleJson.MAPPER.createObjectNode();
        signed.put("format", FORMAT);
        signed.put("formatVersion", FORMAT_VERSION);
        signed.put("bundleId", bundleId);
        signed.put("kind", kind.wireName());
        signed.put("createdAt", createdAt.toString());
        signed.putObject("device").put("id", device.deviceId()).put("publicKey", device.publicKeyHex());
        signed.set("manifest", BundleJson.MAPPER.valueToTree(manifest));
        signed.set("payload", payload);
        byte[] signedText = BundleLayout.signedText(signed);
        String signature = device.sign(signedText);

        try {
            Files.createDirectories(folder);
            // The name holds a random id: a file that already has it is not ours to replace.
            AtomicFile.write(target, IfExists.REFUSE, out -> {
                out.write(BundleLayout.head(signedText, signature));
                boolean first = true;
                for (int i = 0; i < attachments.size(); i++) {
                    first = writeChunks(out, attachments.get(i), manifest.get(i), target, first);
                }
                out.write(BundleLayout.END);
            });
        } catch (IOException e) {
            throw new BundleException(e, target, "bundle.error.write", folder, e.getMessage());
        }
        try (BundleReader reader = BundleReader.open(target)) {
            reader.readAttachments(null);
        } catch (BundleException e) {
            deleteQuietly(target);
            throw new BundleException(e, target, "bundle.error.verifyAfterWrite", e);
        }
        return new Written(target, bundleId);
    }

    /** Kind, device, time and id, so that a folder of bundles sorts by time and says what each file is. */
    static String fileName(BundleKind kind, String deviceId, Instant createdAt, String bundleId) {
        String device = deviceId.replaceAll("[^A-Za-z0-9]", "");
        return "tachiiri_" + kind.wireName() + "_" + device.substring(0, Math.min(8, device.length())) + "_"
                + FILE_TIME.format(createdAt) + "_" + bundleId + ".json";
    }

    private static List<BundleRecords.ManifestEntry> manifest(List<Attachment> attachments, Path target) {
        List<BundleRecords.ManifestEntry> entries = new ArrayList<>();
        for (Attachment attachment : attachments) {
            try (InputStream in = Files.newInputStream(attachment.file())) {
                MessageDigest digest = Sha256.digest();
                long size = 0;
                byte[] buffer = new byte[CHUNK_BYTES];
                for (int read; (read = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, read);
                    size += read;
                }
                entries.add(new BundleRecords.ManifestEntry(attachment.id(), size, HexFormat.of().formatHex(digest.digest()),
                        attachment.mediaType()));
            } catch (IOException e) {
                throw new BundleException(e, target, "bundle.error.attachmentUnreadable", attachment.file(), e.getMessage());
            }
        }
        return entries;
    }

    /**
     * Streams one attachment as base64 chunks, checking that the file still is what the manifest says; returns
     * whether the next chunk is still the bundle's first.
     */
    private static boolean writeChunks(OutputStream out, Attachment attachment, BundleRecords.ManifestEntry entry,
                                       Path target, boolean first) throws IOException {
        MessageDigest digest = Sha256.digest();
        long size = 0;
        boolean none = first;
        try (InputStream in = Files.newInputStream(attachment.file())) {
            int index = 0;
            for (byte[] chunk; (chunk = in.readNBytes(CHUNK_BYTES)).length > 0; index++) {
                digest.update(chunk);
                size += chunk.length;
                if (!none) {
                    out.write(BundleLayout.CHUNK_SEPARATOR);
                }
                out.write(BundleLayout.chunk(attachment.id(), index, Base64.getEncoder().encodeToString(chunk)));
                none = false;
            }
        }
        if (size != entry.size() || !HexFormat.of().formatHex(digest.digest()).equals(entry.sha256())) {
            throw new BundleException(target, "bundle.error.attachmentChanged", attachment.file());
        }
        return none;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Already failing; the original error is the one to report.
        }
    }
}
