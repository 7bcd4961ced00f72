package jp.tachiiri.ui.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.NewInspection;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.PlannedInspection;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.testsupport.Offices;
import jp.tachiiri.testsupport.PlanSelfChecks;
import jp.tachiiri.testsupport.SameThread;
import jp.tachiiri.testsupport.SettableClock;
import jp.tachiiri.ui.DemoWorkspaceFixture;
import jp.tachiiri.ui.common.ViewModelContext;
import jp.tachiiri.ui.facility.StartInspectionViewModel.PersonRow;
import org.junit.jupiter.api.Test;

/** Starting an inspection: its rules without a screen, and the start itself in a real SQLite workspace. */
class StartInspectionViewModelTest extends DemoWorkspaceFixture {

    /** The day {@link #CLOCK} stands at in Tokyo. */
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 10);

    private StartInspectionViewModel model(Language language) {
        return new StartInspectionViewModel(models(language), MIZUHO);
    }

    @Test
    void startsOutOnTodayAndWaitsForTheLeadInspector() {
        StartInspectionViewModel model = model(Language.JA);

        assertThat(model.dateProperty().get()).isEqualTo(TODAY);
        assertThat(model.dateErrorProperty().get()).isEmpty();
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.leadErrorProperty().get()).isEqualTo("主任検査員の氏名を入力してください");
        assertThat(model.problemProperty().get()).isEqualTo("主任検査員の氏名を入力してください");
        assertThatThrownBy(model::request).isInstanceOf(IllegalStateException.class);

        model.leadInspectorProperty().set("   ");
        assertThat(model.validProperty().get()).as("spaces are no name").isFalse();

        model.leadInspectorProperty().set("県庁 検査一郎");
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.leadErrorProperty().get()).isEmpty();
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void aDateAfterTodayIsRefused() {
        StartInspectionViewModel model = model(Language.JA);
        model.leadInspectorProperty().set("県庁 検査一郎");

        model.dateProperty().set(TODAY.plusDays(1));
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.dateErrorProperty().get()).isEqualTo("未来の日付は選べません（今日は 2025年6月10日）");

        model.dateProperty().set(null);
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.dateErrorProperty().get()).startsWith("実施日を入力してください");

        model.dateProperty().set(TODAY.minusDays(3));
        assertThat(model.validProperty().get()).as("an inspection recorded afterwards").isTrue();
        model.dateProperty().set(TODAY);
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.latestDate()).isEqualTo(TODAY);
    }

    @Test
    void theDateMessageIsInEnglishForAnEnglishUser() {
        StartInspectionViewModel model = model(Language.EN);
        model.dateProperty().set(TODAY.plusYears(1));
        assertThat(model.dateErrorProperty().get()).isEqualTo("The date cannot be in the future (today is 10 Jun 2025)");
    }

    @Test
    void otherInspectorsAreAddedAndRemovedAndEmptyRowsLeftOut() {
        StartInspectionViewModel model = model(Language.JA);
        model.leadInspectorProperty().set(" 県庁 検査一郎 ");
        PersonRow second = model.addInspector();
        second.nameProperty().set("県庁 同行二郎");
        PersonRow empty = model.addInspector();
        PersonRow twice = model.addInspector();
        twice.nameProperty().set("県庁 検査一郎");
        PersonRow third = model.addInspector();
        third.nameProperty().set("県庁 同行三子");
        assertThat(model.otherInspectors()).hasSize(4);
        assertThat(empty.errorProperty().get()).isEmpty();
        assertThat(model.validProperty().get()).isTrue();

        assertThat(model.request().inspectors()).as("lead first, each once, no empty rows")
                .containsExactly("県庁 検査一郎", "県庁 同行二郎", "県庁 同行三子");

        model.removeInspector(second);
        model.removeInspector(empty);
        assertThat(model.otherInspectors()).containsExactly(twice, third);
        assertThat(model.request().inspectors()).containsExactly("県庁 検査一郎", "県庁 同行三子");
    }

    @Test
    void attendeesNeedANameAndMayHaveARole() {
        StartInspectionViewModel model = model(Language.JA);
        model.leadInspectorProperty().set("県庁 検査一郎");
        PersonRow head = model.addAttendee();
        head.roleProperty().set("事務長");
        assertThat(head.errorProperty().get()).startsWith("立会者の氏名を入力してください");
        assertThat(model.validProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).startsWith("立会者の氏名を入力してください");

        head.nameProperty().set("病院 事務太郎");
        PersonRow it = model.addAttendee();
        it.nameProperty().set("病院 情報花子");
        PersonRow unused = model.addAttendee();
        assertThat(model.validProperty().get()).isTrue();
        assertThat(model.request().attendees()).containsExactly(new Attendee("病院 事務太郎", "事務長"),
                new Attendee("病院 情報花子", ""));

        model.removeAttendee(head);
        model.removeAttendee(unused);
        assertThat(model.attendees()).containsExactly(it);
        assertThat(model.request().attendees()).containsExactly(new Attendee("病院 情報花子", ""));
    }

    @Test
    void startCreatesAnInspectionInProgressWithThesePeople() {
        StartInspectionViewModel model = model(Language.JA);
        model.dateProperty().set(TODAY.minusDays(1));
        model.leadInspectorProperty().set("県庁 検査一郎");
        model.addInspector().nameProperty().set("県庁 同行二郎");
        PersonRow attendee = model.addAttendee();
        attendee.nameProperty().set("病院 事務太郎");
        attendee.roleProperty().set("事務長");
        List<String> started = new ArrayList<>();

        model.start(started::add);

        assertThat(started).hasSize(1);
        assertThat(model.startingProperty().get()).isFalse();
        assertThat(model.startErrorProperty().get()).isEmpty();
        Inspection inspection = workspace.inspections().find(started.get(0)).orElseThrow();
        assertThat(inspection.facilityId()).isEqualTo(MIZUHO);
        assertThat(inspection.status()).isEqualTo(InspectionStatus.IN_PROGRESS);
        assertThat(inspection.revision()).isEqualTo(1);
        assertThat(inspection.date()).isEqualTo(TODAY.minusDays(1));
        assertThat(inspection.inspectors()).containsExactly("県庁 検査一郎", "県庁 同行二郎");
        assertThat(inspection.attendees()).containsExactly(new Attendee("病院 事務太郎", "事務長"));
        assertThat(inspection.demo()).isFalse();
        // The catalog of the inspection's fiscal year (June 2025: 2025.1), not merely the newest.
        assertThat(inspection.catalogVersion()).isEqualTo("2025.1");
    }

    @Test
    void anInvalidFormDoesNotStart() {
        StartInspectionViewModel model = model(Language.JA);
        int before = workspace.inspections().list().size();
        List<String> started = new ArrayList<>();
        model.start(started::add);
        assertThat(started).isEmpty();
        assertThat(workspace.inspections().list()).hasSize(before);
    }

    @Test
    void aFailedStartIsShown() {
        StartInspectionViewModel model = new StartInspectionViewModel(models(Language.JA), "no-such-facility");
        model.leadInspectorProperty().set("県庁 検査一郎");
        List<String> started = new ArrayList<>();
        model.start(started::add);
        assertThat(started).isEmpty();
        assertThat(model.startErrorProperty().get()).startsWith("開始できませんでした");
        assertThat(model.startingProperty().get()).isFalse();
    }

    @Test
    void offersTheLeadInspectorOfTheLatestRealInspection() {
        StartInspectionViewModel first = model(Language.JA);
        first.load();
        assertThat(first.lastLeadInspectorProperty().get()).as("only demo inspections so far").isEqualTo("デモ 立入花子");

        first.leadInspectorProperty().set("県庁 検査一郎");
        first.dateProperty().set(TODAY.minusDays(30));
        first.start(id -> { });

        StartInspectionViewModel next = model(Language.JA);
        next.load();
        assertThat(next.lastLeadInspectorProperty().get()).isEqualTo("県庁 検査一郎");
        next.useLastLeadInspector();
        assertThat(next.leadInspectorProperty().get()).isEqualTo("県庁 検査一郎");
        assertThat(next.validProperty().get()).isTrue();
    }

    @Test
    void aPlanSelfCheckThatCannotFillLeavesTheInspectionStartedAndSaysWhy() {
        SettableClock clock = new SettableClock(Instant.parse("2026-05-25T01:00:00Z"));
        try (Workspace office = Offices.open(data.resolve("office"), clock)) {
            PlannedInspection plan = PlanSelfChecks.planned(office, LocalDate.parse("2026-06-01"));
            office.selfCheckImport().importWorkbook(PlanSelfChecks.hospital(office, plan.id(), "a".repeat(64),
                    PlanSelfChecks.row("2-①", SelfCheckAnswer.YES, null)), "hospital.xlsx", "office-user");
            // Started on a day before the hospital's date checked: the rules refuse that row as in the future.
            clock.set(Instant.parse("2026-05-15T01:00:00Z"));
            StartInspectionViewModel model = new StartInspectionViewModel(
                    new ViewModelContext(office, new SameThread(), Messages.of(Language.JA)), plan.facilityId());
            model.leadInspectorProperty().set("県庁 検査一郎");
            List<String> started = new ArrayList<>();

            model.start(started::add);

            assertThat(started).as("started, and the screen goes on to it").hasSize(1);
            assertThat(model.startErrorProperty().get()).isEmpty();
            assertThat(model.fillErrorProperty().get()).startsWith("立入検査は開始しました。")
                    .endsWith("医療機関確認用 2-① の確認日 2026-05-20 は未来の日付です");
            assertThat(office.inspections().list()).filteredOn(summary -> summary.facilityId().equals(plan.facilityId()))
                    .as("exactly one inspection").singleElement()
                    .satisfies(summary -> assertThat(summary.id()).isEqualTo(started.get(0)));
            assertThat(office.selfCheck().selfCheck(started.get(0), 1).hospitalForm()).isEmpty();
        }
    }

    @Test
    void theRequestNamesTheFacility() {
        StartInspectionViewModel model = model(Language.JA);
        model.leadInspectorProperty().set("県庁 検査一郎");
        NewInspection request = model.request();
        assertThat(request.facilityId()).isEqualTo(MIZUHO);
        assertThat(request.date()).isEqualTo(TODAY);
        assertThat(request.demo()).isFalse();
    }
}
