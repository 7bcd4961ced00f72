package jp.tachiiri.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import jp.tachiiri.crypto.ContentCipher;
import jp.tachiiri.crypto.SealingKeys;

/**
 * The outside of a sealed bundle (format 3.0): one line of canonical JSON, readable by anyone, then the ciphertext.
 *
 * <pre>
 * {"format":"tachiiri-sealed-bundle","formatVersion":"3.0","recipients":[{"fingerprint":…,"sealedKey":…},…],
 *  "sender":{"deviceId":…,"fingerprint":…}}\n
 * ciphertext of the signed bundle
 * </pre>
 *
 * The bundle's random content key is sealed to every recipient with HPKE ({@link SealingKeys}), bound to the
 * envelope's {@link #context()} (format, sender, recipients' fingerprints); the content is encrypted with it by
 * {@link ContentCipher}, bound to the whole line, so that any changed byte of the envelope, a key slot included,
 * fails the content's first segment. An outsider learns what the line says (the format, the sender's device id and
 * fingerprint, the recipients' fingerprints) and the size, nothing more. The signed bundle inside names its sender and
 * recipients again, and the reader requires both to be what the envelope says.
 */
public record SealedEnvelope(String senderId, String senderFingerprint, List<Slot> slots, byte[] line) {

    static final String FORMAT = "tachiiri-sealed-bundle";
    static final String FORMAT_VERSION = "3.0";
    /**
     * What marks a sealed file: its format's name, as a JSON string, in its first line. A signed-only bundle has no
     * line break at all (its one spelling escapes them) and names another format.
     */
    private static final byte[] MARK = ("\"" + FORMAT + "\"").getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 256 * 1024;
    static final int MAX_RECIPIENTS = 100;
    private static final String FINGERPRINT = "[0-9A-F]{4}(-[0-9A-F]{4}){4}";

    /** One recipient's copy of the content key, sealed to it. */
    public record Slot(String fingerprint, byte[] sealedKey) {
    }

    public SealedEnvelope {
        slots = List.copyOf(slots);
    }

    public List<String> recipientFingerprints() {
        return slots.stream().map(Slot::fingerprint).toList();
    }

    /**
     * Whether the file says it is sealed: its first line names the sealed format (so that an envelope spelt another
     * way is refused as a broken envelope, not as some other file). An unreadable file is left to the reader to name.
     */
    static boolean isSealed(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(MAX_LINE);
            int end = 0;
            while (end < start.length && start[end] != '\n') {
                end++;
            }
            return indexOf(start, end, MARK) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int indexOf(byte[] bytes, int end, byte[] target) {
        for (int at = 0; at + target.length <= end; at++) {
            if (Arrays.equals(bytes, at, at + target.length, target, 0, target.length)) {
                return at;
            }
        }
        return -1;
    }

    /** The envelope for {@code recipients}, with {@code contentKey} sealed to each. */
    static SealedEnvelope seal(DeviceIdentity sender, List<Recipient> recipients, byte[] contentKey) {
        byte[] context = context(sender.deviceId(), sender.fingerprint(), recipients.stream().map(Recipient::fingerprint).toList());
        List<Slot> slots = recipients.stream().map(recipient -> new Slot(recipient.fingerprint(),
                SealingKeys.seal(recipient.sealingKeyHex(), contentKey, context))).toList();
        ObjectNode line = BundleJson.MAPPER.createObjectNode();
        line.put("format", FORMAT);
        line.put("formatVersion", FORMAT_VERSION);
        ArrayNode array = line.putArray("recipients");
        slots.forEach(slot -> array.addObject().put("fingerprint", slot.fingerprint())
                .put("sealedKey", Base64.getEncoder().encodeToString(slot.sealedKey())));
        line.putObject("sender").put("deviceId", sender.deviceId()).put("fingerprint", sender.fingerprint());
        return new SealedEnvelope(sender.deviceId(), sender.fingerprint(), slots, withNewline(CanonicalJson.bytes(line)));
    }

    /** Reads and checks the envelope line of a sealed file; anything wrong with it is named. */
    public static SealedEnvelope read(Path file) {
        byte[] line = readLine(file);
        JsonNode root;
        try {
            root = BundleJson.MAPPER.readTree(Arrays.copyOf(line, line.length - 1));
        } catch (JsonProcessingException e) {
            throw new BundleException(e, file, "bundle.error.envelope", "JSON");
        } catch (IOException e) {
            throw new BundleException(e, file, "bundle.error.read", e.getMessage());
        }
        if (!(root instanceof ObjectNode object) || !Arrays.equals(withNewline(CanonicalJson.bytes(object)), line)) {
            throw new BundleException(file, "bundle.error.envelope", "spelling");
        }
        if (!FORMAT.equals(text(object, "format", file))) {
            throw new BundleException(file, "bundle.error.envelope", "/format");
        }
        String version = text(object, "formatVersion", file);
        if (!FORMAT_VERSION.equals(version)) {
            // Sealing began with 3.0: a newer version asks for an update, anything else is no envelope of ours.
            if (version.matches("[0-9]{1,4}\\.[0-9]{1,4}") && BundleReader.compareVersions(version, FORMAT_VERSION) > 0) {
                throw new BundleException(file, "bundle.error.newerVersion", version, FORMAT_VERSION);
            }
            throw new BundleException(file, "bundle.error.envelope", "/formatVersion");
        }
        only(object, file, "", "format", "formatVersion", "recipients", "sender");
        JsonNode sender = member(object, "sender", file);
        only(sender, file, "/sender", "deviceId", "fingerprint");
        String senderId = text(sender, "deviceId", file);
        String senderFingerprint = text(sender, "fingerprint", file);
        if (!senderId.matches(BundleJson.ID_PATTERN) || !senderFingerprint.matches(FINGERPRINT)) {
            throw new BundleException(file, "bundle.error.envelope", "/sender");
        }
        JsonNode recipients = member(object, "recipients", file);
        if (!recipients.isArray() || recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
            throw new BundleException(file, "bundle.error.envelope", "/recipients");
        }
        List<Slot> slots = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            JsonNode slot = recipients.get(i);
            String where = "/recipients/" + i;
            only(slot, file, where, "fingerprint", "sealedKey");
            String fingerprint = text(slot, "fingerprint", file);
            byte[] sealedKey;
            try {
                sealedKey = Base64.getDecoder().decode(text(slot, "sealedKey", file));
            } catch (IllegalArgumentException e) {
                throw new BundleException(file, "bundle.error.envelope", where + "/sealedKey");
            }
            if (!fingerprint.matches(FINGERPRINT) || !seen.add(fingerprint)) {
                throw new BundleException(file, "bundle.error.envelope", where + "/fingerprint");
            }
            slots.add(new Slot(fingerprint, sealedKey));
        }
        return new SealedEnvelope(senderId, senderFingerprint, slots, line);
    }

    /**
     * The content key of the slot sealed to {@code self}. A bundle sealed to others only is refused naming them, one
     * whose slot does not open (changed) as changed.
     */
    byte[] contentKey(DeviceIdentity self, Path file) {
        String own = self.fingerprint();
        Slot slot = slots.stream().filter(candidate -> candidate.fingerprint().equals(own)).findFirst()
                .orElseThrow(() -> new BundleException(file, "bundle.error.notForUs", String.join(", ", recipientFingerprints()), own));
        try {
            byte[] key = SealingKeys.open(self.sealing(), slot.sealedKey(), context());
            if (key.length != ContentCipher.KEY_BYTES) {
                throw new BundleException(file, "bundle.error.sealBroken");
            }
            return key;
        } catch (SealingKeys.NotOpened e) {
            throw new BundleException(e, file, "bundle.error.sealBroken");
        }
    }

    /** What every slot's seal is bound to: the format, the sender and the recipients' fingerprints, in order. */
    public byte[] context() {
        return context(senderId, senderFingerprint, recipientFingerprints());
    }

    private static byte[] context(String senderId, String senderFingerprint, List<String> recipients) {
        ObjectNode context = BundleJson.MAPPER.createObjectNode();
        context.put("format", FORMAT);
        context.put("formatVersion", FORMAT_VERSION);
        recipients.forEach(context.putArray("recipients")::add);
        context.putObject("sender").put("deviceId", senderId).put("fingerprint", senderFingerprint);
        return CanonicalJson.bytes(context);
    }

    private static byte[] readLine(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); ; b = in.read()) {
                if (b < 0) {
                    throw new BundleException(file, "bundle.error.truncated", line.size());
                }
                // Printable ASCII only: the line's one spelling has no other bytes, and a stray one ends the reading early.
                if (b == '\n') {
                    line.write(b);
                    return line.toByteArray();
                }
                if (b < 0x20 || b > 0x7e || line.size() >= MAX_LINE) {
                    throw new BundleException(file, "bundle.error.envelope", "byte " + line.size());
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw new BundleException(e, file, "bundle.error.read", e.getMessage());
        }
    }

    private static byte[] withNewline(byte[] canonical) {
        byte[] line = Arrays.copyOf(canonical, canonical.length + 1);
        line[canonical.length] = '\n';
        return line;
    }

    private static JsonNode member(JsonNode object, String name, Path file) {
        JsonNode value = object.get(name);
        if (value == null) {
            throw new BundleException(file, "bundle.error.envelope", "/" + name);
        }
        return value;
    }

    private static String text(JsonNode object, String name, Path file) {
        JsonNode value = member(object, name, file);
        if (!value.isTextual()) {
            throw new BundleException(file, "bundle.error.envelope", "/" + name);
        }
        return value.textValue();
    }

    private static void only(JsonNode object, Path file, String where, String... names) {
        if (!object.isObject()) {
            throw new BundleException(file, "bundle.error.envelope", where.isEmpty() ? "/" : where);
        }
        Set<String> allowed = Set.of(names);
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw new BundleException(file, "bundle.error.envelope", where + "/" + name);
            }
        }
    }
}
