package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The canonical form that signatures and content hashes are computed over: the JSON Canonicalization Scheme
 * (RFC 8785). Object members sorted by name (UTF-16 code units), no whitespace, strings with only the escapes
 * JSON requires, numbers as ECMAScript writes the IEEE 754 double they denote, UTF-8. Two documents that mean
 * the same have the same bytes, however they were spaced or ordered in a file.
 *
 * <p>An integer beyond 2^53 becomes its double's form, as the RFC requires (9007199254740993 → 9007199254740992,
 * 10^21 → 1e+21). The bundles the app writes hold only integers far below that (counts, sizes, sequence numbers,
 * indexes), written as they are; a file with a larger one is refused for its spelling, which is not the canonical
 * one, and {@link BundleLayout} refuses a number with a fraction or an exponent in a bundle.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /**
     * Thrown for a value without a canonical form: a lone surrogate, which has no UTF-8 form, or a number that is not
     * finite, which JSON cannot write; and for a number a bundle may not carry ({@link BundleLayout#signedText}).
     */
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
            throw new NotCanonical(pointerToFirst(node, found -> found == invalid.node).orElse("/"));
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
                double value = node.doubleValue();
                if (!Double.isFinite(value)) {
                    throw new Invalid(node);
                }
                out.append(number(value));
            }
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new Invalid(node);
        }
    }

    /** Writes {@code value} as a JSON string; a lone surrogate has no UTF-8 form, so it is refused. */
    private static void writeString(String value, JsonNode owner, StringBuilder out) {
        out.append('"');
        // Characters written as themselves go in runs: most strings are one run, appended at once.
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                throw new Invalid(owner);
            }
            out.append(value, run, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
            }
            run = i + 1;
        }
        out.append(value, run, value.length()).append('"');
    }

    /**
     * A number as ECMAScript's Number.prototype.toString writes it: the fewest significant digits that read back
     * as the same double, in plain decimal from 10^-6 up to 10^21 and with an exponent beyond (1e+21, 5e-324).
     */
    static String number(double value) {
        if (value == 0) {
            return "0"; // -0 as well
        }
        if (Math.abs(value) < 0x1p53 && value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        BigDecimal shortest = shortestDecimal(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        int count = digits.length();
        int pointAt = count - shortest.scale(); // the value is 0.<digits> × 10^pointAt
        String magnitude;
        if (count <= pointAt && pointAt <= 21) {
            magnitude = digits + "0".repeat(pointAt - count);
        } else if (0 < pointAt && pointAt <= 21) {
            magnitude = digits.substring(0, pointAt) + "." + digits.substring(pointAt);
        } else if (-6 < pointAt && pointAt <= 0) {
            magnitude = "0." + "0".repeat(-pointAt) + digits;
        } else {
            int exponent = pointAt - 1;
            magnitude = (count == 1 ? digits : digits.charAt(0) + "." + digits.substring(1))
                    + (exponent < 0 ? "e-" : "e+") + Math.abs(exponent);
        }
        return value < 0 ? "-" + magnitude : magnitude;
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code value}; of two such, the nearer
     * to it, and of two as near, the one with an even last digit.
     */
    private static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; ; precision++) {
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
            boolean belowReadsBack = below.doubleValue() == value;
            boolean aboveReadsBack = above.doubleValue() == value;
            if (belowReadsBack && aboveReadsBack) {
                int belowIsNearer = above.subtract(exact).compareTo(exact.subtract(below));
                boolean belowWins = belowIsNearer > 0 || belowIsNearer == 0 && !below.unscaledValue().testBit(0);
                return (belowWins ? below : above).stripTrailingZeros();
            }
            if (belowReadsBack || aboveReadsBack) {
                return (belowReadsBack ? below : above).stripTrailingZeros();
            }
        }
    }

    /** The JSON pointer of the first value within {@code node}, in document order, that {@code test} accepts. */
    static Optional<String> pointerToFirst(JsonNode node, Predicate<JsonNode> test) {
        return pointerToFirst(node, test, "");
    }

    private static Optional<String> pointerToFirst(JsonNode node, Predicate<JsonNode> test, String pointer) {
        if (test.test(node)) {
            return Optional.of(pointer);
        }
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                var found = pointerToFirst(node.get(name), test, pointer + "/" + name);
                if (found.isPresent()) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                var found = pointerToFirst(node.get(i), test, pointer + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
