package jp.tachiiri.dashboard;

import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.LocalizedText;

/** How the findings of the ministry's items of one checkpoint that needed improvement were followed up to closure. */
public record CheckpointClosure(Checkpoint checkpoint, LocalizedText title, Closure closure) {
}
