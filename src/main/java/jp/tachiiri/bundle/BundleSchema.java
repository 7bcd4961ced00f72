package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.tachiiri.i18n.UserFacingException;

/**
 * The published JSON Schema of bundles ({@code schema/bundle-2.schema.json}, draft 2020-12), applied with
 * networknt's validator. The document is checked without its attachment chunks (they are streamed), and
 * each chunk is checked against the schema's own definition of a chunk as it arrives.
 */
final class BundleSchema {

    static final String RESOURCE = "schema/bundle-2.schema.json";
    static final String ID = "https://tachiiri.jp/schema/bundle-2.schema.json";

    private static final BundleSchema INSTANCE = new BundleSchema();

    private final Schema document;
    private final Schema chunk;

    private BundleSchema() {
        String text = read();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(ID, text)));
        document = registry.getSchema(SchemaLocation.of(ID));
        chunk = registry.getSchema(SchemaLocation.of(ID + "#/$defs/attachmentChunk"));
        // Every reference resolved now, so that validating later changes nothing shared: bundles are checked on
        // two threads at once (an import opens the next file while it writes the one before).
        document.initializeValidators();
        chunk.initializeValidators();
    }

    static BundleSchema get() {
        return INSTANCE;
    }

    /** Throws a {@link BundleException} naming the first place that breaks the schema. */
    void validateDocument(JsonNode root, Path file) {
        check(document.validate(root), "", file);
    }

    void validateChunk(JsonNode chunkNode, int position, Path file) {
        check(chunk.validate(chunkNode), "/attachments/" + position, file);
    }

    private static void check(List<Error> errors, String prefix, Path file) {
        if (errors.isEmpty()) {
            return;
        }
        Error first = errors.get(0);
        String pointer = prefix + pointer(first);
        throw new BundleException(file, "bundle.error.schema", pointer.isEmpty() ? "/" : pointer, detail(first));
    }

    private static String pointer(Error error) {
        StringBuilder pointer = new StringBuilder();
        var path = error.getInstanceLocation();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(path.getElement(i));
        }
        return pointer.toString();
    }

    /**
     * The broken rule in the user's language, for the keywords our schema uses; the validator's own English
     * text for anything else.
     */
    private static UserFacingException detail(Error error) {
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "required", "additionalProperties" -> new UserFacingException("bundle.schema." + keyword, error.getProperty());
            case "type", "pattern", "enum", "const", "maxLength", "minLength", "maxItems", "minItems", "minimum",
                    "maximum", "uniqueItems", "anyOf" -> new UserFacingException("bundle.schema." + keyword);
            default -> new UserFacingException("bundle.schema.other", error.getMessage());
        };
    }

    private static String read() {
        try (InputStream in = BundleSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundle schema is missing from the build: " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
