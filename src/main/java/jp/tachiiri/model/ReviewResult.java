package jp.tachiiri.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The office's decision on one revision as both sides keep it: approved, or returned to the inspector with a
 * comment and comments on some items (in the order written).
 */
public record ReviewResult(String inspectionId, int revision, boolean returned, String comment, Instant decidedAt,
                           String decidedBy, List<ItemComment> itemComments) {

    /** The office's comment on one item. */
    public record ItemComment(String itemId, String comment) {
    }

    public ReviewResult {
        Objects.requireNonNull(inspectionId, "inspectionId");
        Objects.requireNonNull(decidedAt, "decidedAt");
        comment = comment == null ? "" : comment;
        itemComments = List.copyOf(itemComments);
    }

    /** The decision's comment on one item, if it has one. */
    public Optional<String> comment(String itemId) {
        return itemComments.stream().filter(item -> item.itemId().equals(itemId)).map(ItemComment::comment).findFirst();
    }
}
