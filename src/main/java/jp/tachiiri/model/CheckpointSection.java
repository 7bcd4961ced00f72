package jp.tachiiri.model;

import java.util.List;

/** One of the four checkpoints with its items, in catalog order. */
public record CheckpointSection(Checkpoint checkpoint, LocalizedText title, LocalizedText summary, List<CatalogItem> items) {

    public CheckpointSection {
        items = List.copyOf(items);
    }
}
