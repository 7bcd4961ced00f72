package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

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
     * The bundle {@code original} as format {@code version}, its payload changed by {@code change}, under a new bundle
     * id, signed by {@code device}, written into {@code folder}.
     */
    public static Path rewrite(Path original, Path folder, DeviceIdentity device, String version,
                               Consumer<ObjectNode> change) throws IOException {
        ObjectNode root = (ObjectNode) BundleJson.MAPPER.readTree(original.toFile());
        String bundleId = UUID.randomUUID().toString();
        root.put("formatVersion", version);
        root.put("bundleId", bundleId);
        change.accept((ObjectNode) root.get("payload"));
        ObjectNode signed = root.deepCopy();
        signed.remove(List.of(BundleLayout.SIGNATURE, BundleLayout.ATTACHMENTS));
        root.put(BundleLayout.SIGNATURE, device.sign(BundleLayout.signedText(signed)));
        Files.createDirectories(folder);
        Path file = folder.resolve(BundleWriter.fileName(BundleKind.fromWire(root.get("kind").textValue()),
                device.deviceId(), Instant.parse(root.get("createdAt").textValue()), bundleId));
        Files.write(file, HostileCorpusGenerator.json(root));
        return file;
    }

    /** Takes the hospital's and vendors' forms out of every revision: the payload as format 2.0 and 2.1 carried it. */
    public static void withoutForms(JsonNode payload) {
        payload.findParents("hospitalForm").forEach(revision -> ((ObjectNode) revision).remove(
                List.of("hospitalForm", "vendorForms")));
    }
}
