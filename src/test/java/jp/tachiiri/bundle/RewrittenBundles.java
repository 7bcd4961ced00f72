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
        ObjectNode root = (ObjectNode) BundleJson.MAPPER.readTree(signedBundle(original, recipient));
        String bundleId = UUID.randomUUID().toString();
        root.put("formatVersion", version);
        // Format 2.x had neither sealing keys nor recipients.
        root.remove("recipients");
        ((ObjectNode) root.get("device")).remove("sealingKey");
        root.put("bundleId", bundleId);
        change.accept((ObjectNode) root.get("payload"));
        ObjectNode signed = root.deepCopy();
        signed.remove(List.of(BundleLayout.SIGNATURE, BundleLayout.ATTACHMENTS));
        root.put(BundleLayout.SIGNATURE, device.sign(BundleLayout.signedText(signed)));
        Files.createDirectories(folder);
        Path file = folder.resolve(BundleWriter.fileName(BundleKind.fromWire(root.get("kind").textValue()),
                device.deviceId(), Instant.parse(root.get("createdAt").textValue()), bundleId, false));
        Files.write(file, HostileCorpusGenerator.json(root));
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
