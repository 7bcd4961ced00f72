package jp.tachiiri.inspection;

import java.util.List;
import java.util.Optional;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.MinistryItem;

/**
 * One item of the ministry's checklist as an inspection answered it: the catalog items that answer it and the one
 * answer made from them (empty while a part is unanswered and none is 不適合).
 */
public record MinistryResult(MinistryItem item, List<ItemState> parts, Optional<Answer> answer) {

    public MinistryResult {
        parts = List.copyOf(parts);
    }
}
