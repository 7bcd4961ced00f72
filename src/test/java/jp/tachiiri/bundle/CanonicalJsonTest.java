package jp.tachiiri.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Canonicalization Scheme, checked against the examples and test values of RFC 8785 itself. */
class CanonicalJsonTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static String canonical(JsonNode node) {
        return new String(CanonicalJson.bytes(node), StandardCharsets.UTF_8);
    }

    private static String canonical(String json) throws IOException {
        return canonical(BundleJson.MAPPER.readTree(json));
    }

    private static double fromBits(String hex) {
        return Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
    }

    /** RFC 8785, Appendix B: IEEE 754 doubles (as their bits) and the only way to write each. */
    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0",
        "8000000000000000, 0",
        "0000000000000001, 5e-324",
        "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308",
        "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992",
        "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000",
        "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23",
        "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000",
        "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21",
        "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332",
        "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333",
        "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343",
        "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2",
    })
    void writesEachNumberOfTheRfcsTableAsItSays(String bits, String expected) {
        assertThat(canonical(DoubleNode.valueOf(fromBits(bits)))).isEqualTo(expected);
    }

    /** RFC 8785, Appendix B: NaN and Infinity have no JSON form. */
    @ParameterizedTest
    @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
    void refusesANumberThatIsNotFinite(String bits) {
        ObjectNode document = NODES.objectNode();
        document.putArray("values").add(1).add(DoubleNode.valueOf(fromBits(bits)));

        assertThatThrownBy(() -> CanonicalJson.bytes(document)).isInstanceOfSatisfying(CanonicalJson.NotCanonical.class,
                refused -> assertThat(refused.pointer()).isEqualTo("/values/1"));
    }

    /** An integer is the double it denotes: beyond 2^53 that is not always the integer written (RFC 8785, 3.2.2.3). */
    @Test
    void writesAnIntegerBeyondTwoToThe53AsItsDouble() throws IOException {
        assertThat(canonical(NODES.numberNode(9007199254740991L))).isEqualTo("9007199254740991");
        assertThat(canonical(NODES.numberNode(9007199254740993L))).isEqualTo("9007199254740992");
        assertThat(canonical(NODES.numberNode(Long.MAX_VALUE))).isEqualTo("9223372036854776000");
        assertThat(canonical(NODES.numberNode(BigInteger.TEN.pow(21)))).isEqualTo("1e+21");
        assertThat(canonical("[-9007199254740993, 123456789012345678901234567890]"))
                .isEqualTo("[-9007199254740992,1.2345678901234568e+29]");
    }

    /** RFC 8785, 3.2.2: the example of the whole scheme, its numbers, string escapes and literals. */
    @Test
    void canonicalisesTheRfcsExample() throws IOException {
        String input = """
                {
                  "numbers": [333333333.33333329, 1E30, 4.50,
                              2e-3, 0.000000000000000000000000001],
                  "string": "\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\"\\/",
                  "literals": [null, true, false]
                }
                """;

        assertThat(canonical(input)).isEqualTo(
                "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                        + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
    }

    /** RFC 8785, 3.2.3: members sorted by their names' UTF-16 code units, so 😀 (D83D DE00) comes before U+FB33. */
    @Test
    void sortsMembersByUtf16CodeUnitsAsTheRfcsExample() throws IOException {
        String input = """
                {
                  "\\u20ac": "Euro Sign",
                  "\\r": "Carriage Return",
                  "\\ufb33": "Hebrew Letter Dalet With Dagesh",
                  "1": "One",
                  "\\ud83d\\ude00": "Emoji: Grinning Face",
                  "\\u0080": "Control",
                  "\\u00f6": "Latin Small Letter O With Diaeresis"
                }
                """;

        List<String> values = new ArrayList<>();
        BundleJson.MAPPER.readTree(CanonicalJson.bytes(BundleJson.MAPPER.readTree(input)))
                .elements().forEachRemaining(value -> values.add(value.textValue()));
        assertThat(values).containsExactly("Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis",
                "Euro Sign", "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh");
    }

    @Test
    void refusesALoneSurrogateNamingItsPlace() {
        ObjectNode document = NODES.objectNode();
        document.putObject("note").put("text", "half of 😀: \ud83d");

        assertThatThrownBy(() -> CanonicalJson.bytes(document)).isInstanceOfSatisfying(CanonicalJson.NotCanonical.class,
                refused -> assertThat(refused.pointer()).isEqualTo("/note/text"));
    }

    /**
     * The signed text of the bundle format's test vector, spelt again with indentation, every member in reverse
     * order and every character beyond ASCII escaped, canonicalises to exactly its bytes again.
     */
    @Test
    void aRespacedReorderedRespeltDocumentGivesTheSameBytes() throws IOException {
        byte[] signedText = Files.readAllBytes(BundleFormatVector.FOLDER.resolve(BundleFormatVector.SIGNED_TEXT));
        ObjectMapper respelling = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
        String respelt = respelling.writerWithDefaultPrettyPrinter()
                .writeValueAsString(reversed(BundleJson.MAPPER.readTree(signedText)));

        assertThat(respelt).isNotEqualTo(new String(signedText, StandardCharsets.UTF_8)).contains("\n  ", "\\u");
        assertThat(CanonicalJson.bytes(BundleJson.MAPPER.readTree(respelt))).isEqualTo(signedText);
    }

    /** A copy of {@code node} with the members of every object in the reverse order. */
    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.reverse(names);
            ObjectNode copy = NODES.objectNode();
            names.forEach(name -> copy.set(name, reversed(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(element -> copy.add(reversed(element)));
            return copy;
        }
        return node;
    }
}
