package jp.tachiiri.ui;

import static jp.tachiiri.ui.UiTestSupport.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.testsupport.DemoFollowUps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Last year's findings, followed up at the office, on the item at this year's inspection: the office's sealed
 * assignments file is imported on the tablet's 送受信 screen, and the inspection in progress at 青葉台 shows, on each
 * item found wanting last time, the finding, the hospital's report and the office's assessment, with 「現地で確認した」,
 * which is stored and audited. The real app on real data folders; what the store holds is read back.
 */
class FollowUpOnSiteScreenTest {

    /** The office's day: the demo's inspections, the report and the assessments are dated from it. */
    private static final Clock OFFICE_CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneId.of("Asia/Tokyo"));

    @TempDir
    Path data;

    @RegisterExtension
    final AppRunner app = new AppRunner();
    private final FxRobot robot = new FxRobot();

    @Test
    void theItemShowsLastTimesFindingTheHospitalsReportAndTheOfficesAssessmentAndTheConfirmationIsStored() throws Exception {
        Path inbox = DemoFollowUps.assignmentsWaiting(data, OFFICE_CLOCK);
        Path tablet = data.resolve("tablet");
        app.start(() -> new TachiiriApp(tablet, (owner, title) -> List.of()));
        app.resize(1280, 800);
        UiTestSupport.importOnSyncScreen(robot, inbox, "前回の指摘の対応状況 1 施設");
        UiTestSupport.openInspection(robot, "実施中");

        showItem(DemoFollowUps.CLOSED_ITEM);
        assertThat(text("#previous-follow-up-finding")).isEqualTo("前回の指摘（2025年7月31日）: 改善目標日 2026年3月31日");
        assertThat(text("#previous-follow-up-report"))
                .isEqualTo("病院の報告: システム管理者もログを削除できない設定に変更した（2025年8月20日 実施）");
        assertThat(text("#previous-follow-up-assessment")).isEqualTo("事務所の評価: 改善済");
        CheckBox confirmed = robot.lookup("#previous-follow-up-confirmed").queryAs(CheckBox.class);
        assertThat(confirmed.getText()).isEqualTo("現地で確認した");
        assertThat(confirmed.isSelected()).isFalse();

        robot.interact(() -> UiTestSupport.scrollIntoView(confirmed));
        robot.clickOn(confirmed);
        waitFor("the confirmation stored", () -> confirmedInStore().contains(DemoFollowUps.CLOSED_ITEM));

        showItem(DemoFollowUps.IN_PROGRESS_ITEM);
        assertThat(text("#previous-follow-up-report")).isEqualTo("病院の報告: 電子カルテの更新に合わせてパスワードの設定を変える");
        assertThat(text("#previous-follow-up-assessment")).isEqualTo("事務所の評価: 対応中（新しい改善目標日 2027年3月31日）");
        assertThat(robot.lookup("#previous-follow-up-confirmed").queryAs(CheckBox.class).isSelected()).isFalse();

        showItem(DemoFollowUps.UNASSESSED_ITEM);
        assertThat(text("#previous-follow-up-report")).isEqualTo("病院の報告: 2025年9月10日 受領（この項目は事務所で未確認）");
        assertThat(text("#previous-follow-up-assessment")).isEqualTo("事務所の評価: 未評価");

        showItem("backup.generations");
        assertThat(robot.lookup("#previous-follow-up").tryQuery()).as("an item found in order last time").isEmpty();

        showItem(DemoFollowUps.CLOSED_ITEM);
        assertThat(robot.lookup("#previous-follow-up-confirmed").queryAs(CheckBox.class).isSelected())
                .as("the confirmation, shown again").isTrue();
        try (Workspace stored = Workspace.open(tablet, Clock.systemUTC())) {
            assertThat(stored.chainVerifier().trail(inspectionInProgress(stored)).events())
                    .filteredOn(event -> event.action().equals("FOLLOW_UP_CONFIRMED_ON_SITE"))
                    .extracting(AuditEvent::subject, AuditEvent::newValue)
                    .containsExactly(tuple(DemoFollowUps.CLOSED_ITEM + "/siteConfirmed", "true"));
        }
    }

    private Set<String> confirmedInStore() {
        try (Workspace stored = Workspace.open(data.resolve("tablet"), Clock.systemUTC())) {
            return stored.onSiteFollowUp().confirmed(inspectionInProgress(stored), 1);
        }
    }

    private static String inspectionInProgress(Workspace stored) {
        return stored.inspections().list().stream().filter(summary -> summary.status() == InspectionStatus.IN_PROGRESS)
                .map(InspectionSummary::id).findFirst().orElseThrow();
    }

    /** An item of the demo's inspection in progress, which was made with the newest catalog, opened from its list. */
    private void showItem(String itemId) {
        UiTestSupport.showItem(robot, CatalogLibrary.bundled().latest().item(itemId).orElseThrow());
    }

    private String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }
}
