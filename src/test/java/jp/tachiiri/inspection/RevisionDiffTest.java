package jp.tachiiri.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.ConfirmationMethod;
import jp.tachiiri.model.Finding;
import org.junit.jupiter.api.Test;

class RevisionDiffTest {

    private final Finding ledger = Finding.empty("vulnerability.device-ledger").withAnswer(Answer.NON_COMPLIANT)
            .withConfirmedBy(Set.of(ConfirmationMethod.DOCUMENT)).withTargetDate(LocalDate.of(2026, 12, 31))
            .withAdvice("台帳を作成してください");

    @Test
    void listsEveryChangedFieldWithBeforeAndAfter() {
        Finding corrected = ledger.withTargetDate(LocalDate.of(2027, 3, 31)).withNote("電話で訂正")
                .withConfirmedBy(Set.of(ConfirmationMethod.DOCUMENT, ConfirmationMethod.INTERVIEW));
        assertThat(RevisionDiff.between(Map.of(ledger.itemId(), ledger), Map.of(ledger.itemId(), corrected)))
                .containsExactly(
                        new RevisionDiff.Change(ledger.itemId(), "confirmedBy", "DOCUMENT", "DOCUMENT,INTERVIEW"),
                        new RevisionDiff.Change(ledger.itemId(), "note", "", "電話で訂正"),
                        new RevisionDiff.Change(ledger.itemId(), "targetDate", "2026-12-31", "2027-03-31"));
    }

    @Test
    void anItemAnsweredOnlyInOneRevisionIsAChangeAndEqualRevisionsHaveNone() {
        Finding backup = Finding.empty("backup.offline-copy").withAnswer(Answer.COMPLIANT);
        assertThat(RevisionDiff.between(Map.of(ledger.itemId(), ledger), Map.of(ledger.itemId(), ledger, backup.itemId(), backup)))
                .containsExactly(new RevisionDiff.Change(backup.itemId(), "answer", null, "COMPLIANT"));
        assertThat(RevisionDiff.between(Map.of(ledger.itemId(), ledger), Map.of(ledger.itemId(), ledger))).isEmpty();
    }
}
