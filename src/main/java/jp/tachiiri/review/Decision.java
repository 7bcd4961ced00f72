package jp.tachiiri.review;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A supervisor's decision on one revision: approved, or returned with a comment and, for some items, a
 * comment each (item id → comment, in the order they were written).
 */
public record Decision(String inspectionId, int revision, boolean approved, String comment, Map<String, String> itemComments) {

    public Decision {
        comment = comment == null ? "" : comment.strip();
        // In the order written: Map.copyOf would keep no order.
        itemComments = Collections.unmodifiableMap(new LinkedHashMap<>(itemComments));
    }
}
