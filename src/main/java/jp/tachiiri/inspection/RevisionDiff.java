package jp.tachiiri.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import jp.tachiiri.model.Finding;

/** What changed between two revisions of an inspection, field by field of every item. */
public final class RevisionDiff {

    /** One field of one item that differs: its value before and after (null where nothing was recorded). */
    public record Change(String itemId, String field, String before, String after) {
    }

    private RevisionDiff() {
    }

    /**
     * The changes from {@code before} to {@code after}, by item id, then in the fields' fixed order (fields only
     * one side has, e.g. evidence, after them).
     */
    public static List<Change> between(Map<String, Finding> before, Map<String, Finding> after) {
        return betweenFields(fieldsOf(before), fieldsOf(after));
    }

    /** As {@link #between}, for findings given as their {@link Finding#fields()} (e.g. read from a bundle). */
    public static List<Change> betweenFields(Map<String, Map<String, String>> before, Map<String, Map<String, String>> after) {
        List<Change> changes = new ArrayList<>();
        TreeSet<String> items = new TreeSet<>(before.keySet());
        items.addAll(after.keySet());
        Map<String, String> nothing = Finding.empty("").fields();
        for (String itemId : items) {
            Map<String, String> old = before.getOrDefault(itemId, nothing);
            Map<String, String> now = after.getOrDefault(itemId, nothing);
            Set<String> fields = new LinkedHashSet<>(old.keySet());
            fields.addAll(now.keySet());
            for (String field : fields) {
                if (!Objects.equals(emptyAsNull(old.get(field)), emptyAsNull(now.get(field)))) {
                    changes.add(new Change(itemId, field, old.get(field), now.get(field)));
                }
            }
        }
        return changes;
    }

    private static Map<String, Map<String, String>> fieldsOf(Map<String, Finding> findings) {
        Map<String, Map<String, String>> fields = new TreeMap<>();
        findings.forEach((itemId, finding) -> fields.put(itemId, finding.fields()));
        return fields;
    }

    private static String emptyAsNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
