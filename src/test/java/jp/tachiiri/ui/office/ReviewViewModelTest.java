package jp.tachiiri.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.ReviewResult;
import jp.tachiiri.model.Role;
import jp.tachiiri.sync.ImportOutcome;
import jp.tachiiri.testsupport.Enrolments;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.ui.common.ViewModelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's decision without a screen, on a real office store that imported the demo tablet's findings. */
class ReviewViewModelTest {

    private static final String LEDGER = "vulnerability.device-ledger";

    @TempDir
    Path data;
    @TempDir
    Path devices;

    private Workspace tablet;
    private Workspace office;
    private String sakuragawa;

    @BeforeEach
    void theFindingsArrive() {
        tablet = Workspace.open(devices.resolve("tablet"), Clock.systemUTC());
        tablet.demo().seed();
        office = Offices.open(data, Clock.systemUTC());
        office.settings().setRole(Role.OFFICE);
        sendToOffice();
        sakuragawa = office.review().rows().stream().filter(row -> row.facilityName().contains("桜川"))
                .findFirst().orElseThrow().inspectionId();
    }

    @AfterEach
    void close() {
        office.close();
        tablet.close();
    }

    private void sendToOffice() {
        Enrolments.enrol(tablet, office);
        Path bundle = tablet.sync().exportFindings(devices.resolve("usb-" + System.nanoTime())).orElseThrow();
        assertThat(office.sync().importFile(bundle, true).result()).isEqualTo(ImportOutcome.Result.IMPORTED);
    }

    /** The revision as the inspection screen reads it at the office, with the return it answers, if any. */
    private ReviewViewModel review(int revision) {
        Inspection inspection = office.inspections().find(sakuragawa, revision).orElseThrow();
        Optional<ReviewResult> earlierReturn = office.sync().reviews(sakuragawa).stream()
                .filter(review -> review.revision() < revision).max(Comparator.comparingInt(ReviewResult::revision))
                .filter(ReviewResult::returned);
        ReviewViewModel.Subject subject = new ReviewViewModel.Subject(sakuragawa, revision,
                office.facilities().byId(inspection.facilityId()).orElseThrow().name(),
                office.catalogs().version(inspection.catalogVersion()).orElseThrow(),
                office.inspections().findings(sakuragawa, revision), earlierReturn);
        ReviewViewModel model = new ReviewViewModel(new ViewModelContext(office, new SameThread(), Messages.of(Language.JA)), subject);
        model.start();
        return model;
    }

    @Test
    void theNonCompliantItemsComeFirstAndAReturnWithoutACommentIsExplainedNotStored() {
        ReviewViewModel model = review(1);
        assertThat(model.items()).isNotEmpty();
        assertThat(model.items().get(0).answer()).isEqualTo(Answer.NON_COMPLIANT);
        assertThat(office.review().reviewTrail(sakuragawa)).extracting(event -> event.action()).containsExactly("REVIEW_STARTED");

        model.giveBack();

        assertThat(model.errorProperty().get()).isNotEmpty();
        assertThat(model.decidedProperty().get()).isNull();
        assertThat(office.sync().reviews(sakuragawa)).isEmpty();
    }

    @Test
    void aReturnIsStoredWithItsCommentsAndConfirmed() {
        ReviewViewModel model = review(1);
        model.commentProperty().set("目標日を具体的な日付で");
        model.itemCommentProperty(LEDGER).set("  台帳の最終更新日を記入してください ");

        model.giveBack();

        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.decidedProperty().get()).contains("桜川", "1");
        assertThat(office.sync().reviews(sakuragawa)).singleElement().satisfies(review -> {
            assertThat(review.returned()).isTrue();
            assertThat(review.comment()).isEqualTo("目標日を具体的な日付で");
            assertThat(review.comment(LEDGER)).contains("台帳の最終更新日を記入してください");
        });
    }

    @Test
    void anAmendmentIsReviewedAgainstTheReturnItAnswers() {
        ReviewViewModel first = review(1);
        first.commentProperty().set("目標日を具体的な日付で");
        first.itemCommentProperty(LEDGER).set("台帳の最終更新日を記入してください");
        first.giveBack();
        tablet.inspections().amend(sakuragawa, "台帳の更新日を追記", "inspector");
        Finding ledger = tablet.inspections().findings(sakuragawa, 2).get(LEDGER);
        tablet.inspections().record(sakuragawa, ledger.withNote("台帳の最終更新日: 2026年10月1日"), "inspector");
        tablet.inspections().finalizeInspection(sakuragawa, "inspector");
        sendToOffice();

        ReviewViewModel second = review(2);

        assertThat(second.items().get(0).item().id()).as("the item commented on comes first").isEqualTo(LEDGER);
        assertThat(second.items().get(0).earlierComment()).contains("台帳の最終更新日を記入してください");
        assertThat(second.changes()).singleElement().satisfies(change -> {
            assertThat(change.itemId()).isEqualTo(LEDGER);
            assertThat(change.after()).isEqualTo("台帳の最終更新日: 2026年10月1日");
        });
        assertThat(second.changedItems()).containsExactly(LEDGER);
        assertThat(second.changesTitleProperty().get()).isEqualTo("第1版 → 第2版の変更（1件）");

        second.approve();

        assertThat(second.decidedProperty().get()).contains("桜川", "2");
        assertThat(office.sync().reviews(sakuragawa)).extracting(ReviewResult::returned).containsExactly(true, false);
    }
}
