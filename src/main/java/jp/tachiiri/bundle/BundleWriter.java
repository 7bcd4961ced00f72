package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import jp.tachiiri.crypto.ContentCipher;
import jp.tachiiri.files.AtomicFile;
import jp.tachiiri.files.KeptOpen;
import jp.tachiiri.files.AtomicFile.IfExists;

/**
 * Writes one bundle into a folder, whole or not at all ({@link AtomicFile}), and reads it back and verifies it
 * before the caller hears of success. A half-written or unreadable bundle therefore never carries a bundle's name.
 * Findings and assignments are sealed to their recipients ({@link SealedEnvelope}); an enrolment, which carries
 * nothing but its sender's public keys and role, is signed only, so that a device nobody knows yet can read it.
 */
public final class BundleWriter {

    public static final String FORMAT = "tachiiri-bundle";
    /**
     * 2.1 added the facility's type and fee add-on claims, 2.2 each revision's hospital form and vendor forms, 2.3 the
     * plans' self-checks in assignments bundles; 3.0 seals findings and assignments to their recipients, names them
     * and the sender's sealing key in the signed bundle, and adds the enrolment; 3.1 adds the follow-up of the planned
     * facilities' earlier inspections to assignments bundles. Signed-only files of 2.0 to 2.3 are read as ever.
     */
    public static final String FORMAT_VERSION = "3.1";
    /**
     * The version findings bundles and enrolments are written in: 3.1 changed nothing of them, so they stay what every
     * release of 3.0 reads.
     */
    static final String SEALED_SINCE = "3.0";
    /** The versions this release reads: its own, and the older ones, which differ only by lacking later members. */
    static final List<String> READABLE_VERSIONS = List.of("2.0", "2.1", "2.2", "2.3", SEALED_SINCE, FORMAT_VERSION);
    /** The versions whose findings and assignments are sealed, and which name a sealing key and recipients. */
    static final List<String> SEALED_VERSIONS = List.of(SEALED_SINCE, FORMAT_VERSION);
    /** The versions whose revisions carry no forms. */
    static final List<String> WITHOUT_FORMS = List.of("2.0", "2.1");
    /** The versions whose assignments carry no plans' self-checks. */
    static final List<String> WITHOUT_SELF_CHECKS = List.of("2.0", "2.1", "2.2");
    /** The versions whose assignments carry the follow-up of the planned facilities' earlier inspections. */
    static final List<String> WITH_FOLLOW_UPS = List.of(FORMAT_VERSION);
    /** The file name ending of a sealed bundle; a signed-only one (an enrolment, or any file of 2.x) ends in .json. */
    public static final String SEALED_EXTENSION = ".tachiiri";
    public static final String SIGNED_EXTENSION = ".json";
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

    /**
     * Writes, verifies and returns the bundle file: findings and assignments sealed to {@code recipients} (one at
     * least), an enrolment signed only (no recipients).
     */
    public static Written write(Path folder, DeviceIdentity device, BundleKind kind, Instant createdAt, JsonNode payload,
                                List<Attachment> attachments, List<Recipient> recipients) {
        return write(folder, device, kind, createdAt, payload, attachments, recipients, UUID.randomUUID().toString(), true);
    }

    /**
     * The signed bundle a sealed one holds, written as it is, unsealed: for the tests of what the reader checks
     * inside ({@link BundleReader#openUnsealed}), which no installation accepts as it is.
     */
    static Written writeUnsealed(Path folder, DeviceIdentity device, BundleKind kind, Instant createdAt, JsonNode payload,
                                 List<Attachment> attachments, List<Recipient> recipients, String bundleId) {
        return write(folder, device, kind, createdAt, payload, attachments, recipients, bundleId, false);
    }

    private static Written write(Path folder, DeviceIdentity device, BundleKind kind, Instant createdAt, JsonNode payload,
                                 List<Attachment> attachments, List<Recipient> recipients, String bundleId, boolean seal) {
        if ((kind == BundleKind.ENROLMENT) != recipients.isEmpty() || recipients.size() > SealedEnvelope.MAX_RECIPIENTS) {
            throw new IllegalArgumentException(kind + " bundles go to " + (kind == BundleKind.ENROLMENT ? "no" : "1 to 100")
                    + " recipients, not " + recipients.size());
        }
        boolean sealed = seal && !recipients.isEmpty();
        Path target = folder.resolve(fileName(kind, device.deviceId(), createdAt, bundleId, sealed));
        List<BundleRecords.ManifestEntry> manifest = manifest(attachments, target);
        ObjectNode signed = BundleJson.MAPPER.createObjectNode();
        signed.put("format", FORMAT);
        signed.put("formatVersion", versionOf(kind));
        signed.put("bundleId", bundleId);
        signed.put("kind", kind.wireName());
        signed.put("createdAt", createdAt.toString());
        signed.putObject("device").put("id", device.deviceId()).put("publicKey", device.publicKeyHex())
                .put("sealingKey", device.sealing().publicKeyHex());
        signed.set("manifest", BundleJson.MAPPER.valueToTree(manifest));
        signed.set("payload", payload);
        if (!recipients.isEmpty()) {
            ArrayNode named = signed.putArray("recipients");
            recipients.forEach(recipient -> named.addObject().put("deviceId", recipient.deviceId())
                    .put("fingerprint", recipient.fingerprint()));
        }
        byte[] signedText = BundleLayout.signedText(signed);
        String signature = device.sign(signedText);
        byte[] contentKey = sealed ? ContentCipher.newKey() : null;
        SealedEnvelope envelope = sealed ? SealedEnvelope.seal(device, recipients, contentKey) : null;

        try {
            AtomicFile.createFolders(folder);
            // The name holds a random id: a file that already has it is not ours to replace.
            AtomicFile.write(target, IfExists.REFUSE, out -> {
                if (envelope == null) {
                    writeSigned(out, signedText, signature, attachments, manifest, target);
                    return;
                }
                out.write(envelope.line());
                try (OutputStream content = ContentCipher.encrypting(contentKey, new KeptOpen(out), envelope.line())) {
                    writeSigned(content, signedText, signature, attachments, manifest, target);
                }
            });
        } catch (IOException e) {
            throw new BundleException(e, target, "bundle.error.write", folder, e.getMessage());
        }
        try (BundleReader reader = sealed ? BundleReader.openWithContentKey(target, contentKey)
                : seal ? BundleReader.open(target, null) : BundleReader.openUnsealed(target)) {
            reader.readAttachments(null);
        } catch (BundleException e) {
            deleteQuietly(target);
            throw new BundleException(e, target, "bundle.error.verifyAfterWrite", e);
        }
        return new Written(target, bundleId);
    }

    private static void writeSigned(OutputStream out, byte[] signedText, String signature, List<Attachment> attachments,
                                    List<BundleRecords.ManifestEntry> manifest, Path target) throws IOException {
        out.write(BundleLayout.head(signedText, signature));
        boolean first = true;
        for (int i = 0; i < attachments.size(); i++) {
            first = writeChunks(out, attachments.get(i), manifest.get(i), target, first);
        }
        out.write(BundleLayout.END);
    }

    /**
     * The version a bundle of {@code kind} is written in: the lowest that has every member it carries, so that a
     * reader of an older release takes every file whose content it can hold (assignments are 3.1, the rest 3.0).
     */
    public static String versionOf(BundleKind kind) {
        return kind == BundleKind.ASSIGNMENTS ? FORMAT_VERSION : SEALED_SINCE;
    }

    /**
     * Kind, device, time and id, so that a folder of bundles sorts by time and says what each file is (the sender's
     * role tells the kind anyway); sealed or signed only by its ending.
     */
    static String fileName(BundleKind kind, String deviceId, Instant createdAt, String bundleId, boolean sealed) {
        String device = deviceId.replaceAll("[^A-Za-z0-9]", "");
        return "tachiiri_" + kind.wireName() + "_" + device.substring(0, Math.min(8, device.length())) + "_"
                + FILE_TIME.format(createdAt) + "_" + bundleId + (sealed ? SEALED_EXTENSION : SIGNED_EXTENSION);
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
