package jp.tachiiri.dashboard;

import java.util.Optional;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.LocalizedText;

/** How one item's findings that needed improvement in a fiscal year were followed up to closure. */
public record ItemClosure(String itemId, Checkpoint checkpoint, LocalizedText title, Optional<String> checklistNumber,
                          Closure closure) {

    /** 参考: not an item of the ministry's checklist, so its follow-up is advice only and never in a checkpoint's. */
    public boolean reference() {
        return checklistNumber.isEmpty();
    }
}
