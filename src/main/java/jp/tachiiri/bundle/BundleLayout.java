package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How a bundle file is spelt, byte for byte. There is exactly one spelling of a bundle, so that a change to
 * any byte of a file is a change to what it says, and is found:
 *
 * <pre>
 * canonical text of the signed members, without its closing '}'
 * ,"signature":"&lt;128 hex digits&gt;","attachments":[&lt;chunk&gt;,&lt;chunk&gt;,…]}
 * </pre>
 *
 * The signed text is the canonical form ({@link CanonicalJson}) of the object of every member but
 * {@code signature} and {@code attachments}, so the file begins with exactly the bytes the signature covers.
 * Each chunk is the canonical form of {@code {"data":…,"id":…,"index":…}}. Nothing else: no BOM, no
 * whitespace, nothing after the final '}'. The writer spells files this way and the reader accepts no other.
 */
final class BundleLayout {

    static final String SIGNATURE = "signature";
    static final String ATTACHMENTS = "attachments";
    private static final byte[] SIGNATURE_OPEN = ascii(",\"" + SIGNATURE + "\":\"");
    private static final byte[] ATTACHMENTS_OPEN = ascii("\",\"" + ATTACHMENTS + "\":[");
    static final byte[] CHUNK_SEPARATOR = ascii(",");
    static final byte[] END = ascii("]}");

    private BundleLayout() {
    }

    /**
     * The bytes a signature covers: the canonical text of the signed members. A bundle's numbers are all integers,
     * so one written with a fraction or an exponent (120.0, 8e1) is refused, named by its place, rather than
     * taken for the integer it equals.
     */
    static byte[] signedText(ObjectNode signedMembers) {
        CanonicalJson.pointerToFirst(signedMembers, value -> value.isNumber() && !value.isIntegralNumber())
                .ifPresent(pointer -> {
                    throw new CanonicalJson.NotCanonical(pointer);
                });
        return CanonicalJson.bytes(signedMembers);
    }

    /** Everything before the first chunk: the signed text without its closing brace, then the signature. */
    static byte[] head(byte[] signedText, String signature) {
        byte[] open = Arrays.copyOf(signedText, signedText.length - 1);
        return concat(open, SIGNATURE_OPEN, ascii(signature), ATTACHMENTS_OPEN);
    }

    /** One chunk of an attachment, in its canonical form. */
    static byte[] chunk(String id, int index, String base64) {
        ObjectNode chunk = BundleJson.MAPPER.createObjectNode();
        chunk.put("data", base64);
        chunk.put("id", id);
        chunk.put("index", index);
        return CanonicalJson.bytes(chunk);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
