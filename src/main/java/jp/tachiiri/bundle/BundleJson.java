package jp.tachiiri.bundle;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson set-up for bundles. Reading is bounded, so a hostile file fails fast instead of filling
 * memory: strings up to {@value #MAX_STRING_LENGTH} characters (an attachment travels in chunks far below
 * that), nesting up to {@value #MAX_NESTING_DEPTH} levels; a member name given twice is an error, not a
 * silent "last one wins".
 */
final class BundleJson {

    static final int MAX_STRING_LENGTH = 1_000_000;
    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 30;
    static final long MAX_TOKENS = 50_000_000L;
    /** How ids are spelt (the schema's {@code $defs/id}), for the parts read before the schema: a sealed envelope. */
    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactory().setStreamReadConstraints(
                    StreamReadConstraints.builder()
                            .maxStringLength(MAX_STRING_LENGTH)
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNameLength(1_000)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxTokenCount(MAX_TOKENS)
                            .build()))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private BundleJson() {
    }
}
