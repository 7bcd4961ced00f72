package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The canonical form that signatures and content hashes are computed over: the JSON Canonicalization Scheme
 * (RFC 8785) for documents whose numbers are integers. Object members sorted by name (UTF-16 code units), no
 * whitespace, strings with only the escapes JSON requires, UTF-8. Two documents that mean the same have the
 * same bytes, however they were spaced or ordered in a file.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Thrown for a number with a fraction or an exponent: bundles carry integers only. */
    public static final class NotCanonical extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String pointer;

        NotCanonical(String pointer) {
            super("not an integer at " + pointer);
            this.pointer = pointer;
        }

        public String pointer() {
            return pointer;
        }
    }

    public static byte[] bytes(JsonNode node) {
        StringBuilder out = new StringBuilder();
        write(node, "", out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(JsonNode node, String pointer, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
                members.sort(Map.Entry.comparingByKey());
                out.append('{');
                for (int i = 0; i < members.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (!wellFormed(members.get(i).getKey())) {
                        throw new NotCanonical(pointer);
                    }
                    writeString(members.get(i).getKey(), out);
                    out.append(':');
                    write(members.get(i).getValue(), pointer + "/" + members.get(i).getKey(), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), pointer + "/" + i, out);
                }
                out.append(']');
            }
            case STRING -> {
                if (!wellFormed(node.textValue())) {
                    throw new NotCanonical(pointer);
                }
                writeString(node.textValue(), out);
            }
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new NotCanonical(pointer.isEmpty() ? "/" : pointer);
                }
                out.append(node.bigIntegerValue());
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new NotCanonical(pointer.isEmpty() ? "/" : pointer);
        }
    }

    /** A lone surrogate has no UTF-8 form, so two different ones would encode alike: refused. */
    private static boolean wellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void writeString(String value, StringBuilder out) {
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
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
