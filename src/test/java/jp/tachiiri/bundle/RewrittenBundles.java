package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import jp.tachiiri.crypto.ContentCipher;

/**
 * A real bundle rewritten as the app itself would never write it, and signed again by the device that made it: its
 * payload changed (to break a rule the import must enforce) or its format set to an older version. Spelt the one
 * way bundles are, so that only what was changed can make an import refuse it. For the sync tests, which start
 * from what a real tablet wrote.
 */
public final class RewrittenBundles {

    private RewrittenBundles() {
    }

    /**
     * The bundle {@code original} (sealed to {@code recipient}) as format {@code version} of 2.x, signed only, its
     * payload changed by {@code change}, under a new bundle id, signed by {@code device}, written into {@code folder}.
     */
    public static Path rewrite(Path original, DeviceIdentity recipient, Path folder, DeviceIdentity device, String version,
                               Consumer<ObjectNode> change) throws IOException {
        if (!version.startsWith("2.")) {
            throw new IllegalArgumentException("only the signed-only formats 2.x are rewritten, not " + version);
        }
        return write(original, recipient, folder, device, version, root -> {
            // Format 2.x had neither sealing keys nor recipients, nor the follow-up of assignments (3.1).
            root.remove("recipients");
            ((ObjectNode) root.get("device")).remove("sealingKey");
            ((ObjectNode) root.get("payload")).remove("followUps");
            change.accept((ObjectNode) root.get("payload"));
        }, false);
    }

    /**
     * The sealed bundle {@code original} (sealed by {@code sender} to {@code recipient}) as a release writing format
     * {@code version} of 3.x would have written it: its payload changed by {@code change}, under a new bundle id, signed
     * by {@code sender} again and sealed to {@code recipient} alone, written into {@code folder}.
     */
    public static Path rewriteSealed(Path original, DeviceIdentity recipient, Path folder, DeviceIdentity sender,
                                     String version, Consumer<ObjectNode> change) throws IOException {
        if (!BundleWriter.SEALED_VERSIONS.contains(version)) {
            throw new IllegalArgumentException("only the sealed formats are resealed, not " + version);
        }
        return write(original, recipient, folder, sender, version, root -> change.accept((ObjectNode) root.get("payload")),
                true);
    }

    /** The signed bundle of {@code original} as {@code version}, changed, under a new id, signed again and written. */
    private static Path write(Path original, DeviceIdentity recipient, Path folder, DeviceIdentity signer, String version,
                              Consumer<ObjectNode> change, boolean sealed) throws IOException {
        ObjectNode root = (ObjectNode) BundleJson.MAPPER.readTree(signedBundle(original, recipient));
        String bundleId = UUID.randomUUID().toString();
        root.put("formatVersion", version);
        root.put("bundleId", bundleId);
        change.accept(root);
        ObjectNode signed = root.deepCopy();
        signed.remove(List.of(BundleLayout.SIGNATURE, BundleLayout.ATTACHMENTS));
        root.put(BundleLayout.SIGNATURE, signer.sign(BundleLayout.signedText(signed)));
        Files.createDirectories(folder);
        Path file = folder.resolve(BundleWriter.fileName(BundleKind.fromWire(root.get("kind").textValue()),
                signer.deviceId(), Instant.parse(root.get("createdAt").textValue()), bundleId, sealed));
        byte[] bytes = HostileCorpusGenerator.json(root);
        Files.write(file, sealed ? TestDevices.seal(bytes, signer, List.of(recipient.asRecipient())) : bytes);
        return file;
    }

    /** The signed bundle a sealed file holds, decrypted as its recipient does. */
    public static byte[] signedBundle(Path sealed, DeviceIdentity recipient) throws IOException {
        SealedEnvelope envelope = SealedEnvelope.read(sealed);
        byte[] file = Files.readAllBytes(sealed);
        try (InputStream in = ContentCipher.decrypting(envelope.contentKey(recipient, sealed),
                new ByteArrayInputStream(file, envelope.line().length, file.length - envelope.line().length), envelope.line())) {
            return in.readAllBytes();
        }
    }

    /** Takes the hospital's and vendors' forms out of every revision: the payload as format 2.0 and 2.1 carried it. */
    public static void withoutForms(JsonNode payload) {
        payload.findParents("hospitalForm").forEach(revision -> ((ObjectNode) revision).remove(
                List.of("hospitalForm", "vendorForms")));
    }
}
