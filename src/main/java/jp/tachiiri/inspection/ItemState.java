package jp.tachiiri.inspection;

import java.util.Optional;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Condition;
import jp.tachiiri.model.Finding;

/**
 * One catalog item as it stands in an inspection: whether it is asked of this facility (and if not, why) and
 * what has been recorded for it.
 */
public record ItemState(CatalogItem item, Optional<Condition> unmetCondition, boolean ruledOutByGate, Finding finding) {

    /** The item is asked of this facility. */
    public boolean applicable() {
        return unmetCondition.isEmpty() && !ruledOutByGate;
    }

    /** What counts for this item: 該当なし when it does not apply, else the recorded answer if any. */
    public Optional<Answer> effectiveAnswer() {
        return applicable() ? finding.answer() : Optional.of(Answer.NOT_APPLICABLE);
    }

    public boolean answered() {
        return effectiveAnswer().isPresent();
    }
}
