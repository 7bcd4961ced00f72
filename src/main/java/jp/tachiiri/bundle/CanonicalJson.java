package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

/**
 * The canonical form that signatures and content hashes are computed over: the JSON Canonicalization Scheme
 * (RFC 8785) for documents whose numbers are integers. Object members sorted by name (UTF-16 code units), no
 * whitespace, strings with only the escapes JSON requires, UTF-8. Two documents that mean the same have the
 * same bytes, however they were spaced or ordered in a file.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Thrown for a number with a fraction or an exponent, or a lone surrogate: neither has one spelling. */
    public static final class NotCanonical extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String pointer;

        NotCanonical(String pointer) {
            super("no canonical form at " + pointer);
            this.pointer = pointer;
        }

        public String pointer() {
            return pointer;
        }
    }

    /** Signals the first value without a canonical form; its place is looked up only then. */
    private static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient JsonNode node;

        Invalid(JsonNode node) {
            super(null, null, false, false);
            this.node = node;
        }
    }

    public static byte[] bytes(JsonNode node) {
        StringBuilder out = new StringBuilder(1024);
        try {
            write(node, out);
        } catch (Invalid invalid) {
            throw new NotCanonical(pointerTo(node, invalid.node, "").orElse("/"));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                String[] names = new String[node.size()];
                Iterator<String> it = node.fieldNames();
                for (int i = 0; it.hasNext(); i++) {
                    names[i] = it.next();
                }
                Arrays.sort(names);
                out.append('{');
                for (int i = 0; i < names.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(names[i], node, out);
                    out.append(':');
                    write(node.get(names[i]), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), node, out);
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new Invalid(node);
                }
                if (node.canConvertToLong()) {
                    out.append(node.longValue());
                } else {
                    out.append(node.bigIntegerValue());
                }
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new Invalid(node);
        }
    }

    /** Writes {@code value} as a JSON string; a lone surrogate has no UTF-8 form, so it is refused. */
    private static void writeString(String value, JsonNode owner, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new Invalid(owner);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** The JSON pointer of {@code target} within {@code node} (by identity). */
    private static Optional<String> pointerTo(JsonNode node, JsonNode target, String pointer) {
        if (node == target) {
            return Optional.of(pointer);
        }
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                var found = pointerTo(node.get(name), target, pointer + "/" + name);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var found = pointerTo(node.get(i), target, pointer + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
