package jp.tachiiri.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON value together with its path in the file, so that every complaint about it can say exactly where
 * it is. Reading is strict: a field that is missing, of the wrong type or not expected is an error.
 */
final class StrictNode {

    private final JsonNode node;
    private final String path;
    private final String source;

    StrictNode(JsonNode node, String path, String source) {
        this.node = node;
        this.path = path;
        this.source = source;
    }

    String path() {
        return path;
    }

    String source() {
        return source;
    }

    CatalogException error(String problemKey, Object... arguments) {
        return new CatalogException(source, path, problemKey, arguments);
    }

    /** Rejects any field of this object not in {@code allowed}. */
    StrictNode allowOnly(Set<String> allowed) {
        requireObject();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new CatalogException(source, path + "." + name, "catalog.problem.unknownField", name);
            }
        }
        return this;
    }

    StrictNode field(String name) {
        requireObject();
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw error("catalog.problem.missingField", name);
        }
        return new StrictNode(child, path + "." + name, source);
    }

    /** A field that may be left out; written as {@code null} it is an error, since the format never uses null. */
    Optional<StrictNode> optionalField(String name) {
        requireObject();
        JsonNode child = node.get(name);
        if (child == null) {
            return Optional.empty();
        }
        if (child.isNull()) {
            throw new CatalogException(source, path + "." + name, "catalog.problem.nullValue", name);
        }
        return Optional.of(new StrictNode(child, path + "." + name, source));
    }

    boolean has(String name) {
        return node.has(name);
    }

    /** A non-empty (after trimming) string. */
    String text() {
        if (!node.isTextual()) {
            throw error("catalog.problem.expectedText");
        }
        if (node.textValue().isBlank()) {
            throw error("catalog.problem.emptyText");
        }
        return node.textValue();
    }

    int integer() {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw error("catalog.problem.expectedInteger");
        }
        return node.intValue();
    }

    boolean bool() {
        if (!node.isBoolean()) {
            throw error("catalog.problem.expectedBoolean");
        }
        return node.booleanValue();
    }

    /** The elements of an array, each read by {@code reader}. */
    <T> List<T> list(Function<StrictNode, T> reader) {
        if (!node.isArray()) {
            throw error("catalog.problem.expectedArray");
        }
        List<T> values = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            values.add(reader.apply(new StrictNode(node.get(i), path + "[" + i + "]", source)));
        }
        return values;
    }

    private void requireObject() {
        if (!node.isObject()) {
            throw error("catalog.problem.expectedObject");
        }
    }
}
