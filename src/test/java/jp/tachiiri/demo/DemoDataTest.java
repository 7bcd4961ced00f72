package jp.tachiiri.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.inspection.Checklist;
import jp.tachiiri.inspection.Gap;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.SelfCheckAnswer;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.selfcheck.SelfCheck;
import jp.tachiiri.selfcheck.SelfCheckGaps;
import jp.tachiiri.testsupport.Profiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path folder;

    @Test
    void seedsHospitalsOfDifferentKindsAndTwoInspectionsWithinTheFiscalYear() {
        LocalDate today = LocalDate.of(2027, 2, 10);
        try (Workspace workspace = Workspace.open(folder, fixedAt(today))) {
            assertThat(workspace.demo().seed()).isTrue();

            List<Facility> facilities = workspace.facilities().all();
            assertThat(facilities).allMatch(Facility::demo).allMatch(facility -> facility.name().contains("デモ"));
            assertThat(facilities).extracting(Facility::licensedBeds).contains(80, 250, 450);
            assertThat(facilities).anyMatch(f -> f.usesEmr()).anyMatch(f -> !f.usesEmr());
            assertThat(facilities).anyMatch(f -> f.vendors().isEmpty()).anyMatch(f -> !f.vendors().isEmpty());

            LocalDate fiscalYearStart = LocalDate.of(2026, 4, 1);
            LocalDate fiscalYearEnd = LocalDate.of(2027, 3, 31);
            List<InspectionSummary> all = workspace.inspections().list();
            assertThat(all).hasSize(3);
            // Last year's inspection of the hospital inspected now, finalized, for "last time" answers.
            InspectionSummary lastYear = all.stream().filter(summary -> summary.date().isBefore(fiscalYearStart))
                    .findFirst().orElseThrow();
            assertThat(lastYear.status()).isEqualTo(InspectionStatus.FINALIZED);
            assertThat(workspace.inspections().previousFindings(lastYear.facilityId(), "none", today))
                    .hasValueSatisfying(previous -> assertThat(previous.inspectionId()).isEqualTo(lastYear.id()));

            List<InspectionSummary> inspections = all.stream().filter(summary -> summary != lastYear).toList();
            assertThat(inspections).extracting(InspectionSummary::status)
                    .containsExactlyInAnyOrder(InspectionStatus.IN_PROGRESS, InspectionStatus.FINALIZED);
            assertThat(inspections).extracting(InspectionSummary::facilityId).contains(lastYear.facilityId());
            assertThat(inspections).allSatisfy(summary ->
                    assertThat(summary.date()).isBetween(fiscalYearStart, today));

            InspectionSummary finalized = inspections.stream()
                    .filter(summary -> summary.status() == InspectionStatus.FINALIZED).findFirst().orElseThrow();
            Inspection inspection = workspace.inspections().find(finalized.id()).orElseThrow();
            Map<String, Finding> findings = workspace.inspections().findings(inspection.id(), inspection.revision());
            Catalog catalog = workspace.catalogs().version(inspection.catalogVersion()).orElseThrow();
            Facility facility = workspace.facilities().byId(inspection.facilityId()).orElseThrow();
            assertThat(findings).hasSize(Applicability.questionCount(catalog, facility.profileOn(Profiles.DAY)));
            List<Finding> nonCompliant = findings.values().stream()
                    .filter(finding -> finding.answer().equals(java.util.Optional.of(Answer.NON_COMPLIANT))).toList();
            assertThat(nonCompliant).hasSizeGreaterThanOrEqualTo(3).allSatisfy(finding -> {
                assertThat(finding.advice()).isNotBlank();
                assertThat(finding.targetDate()).hasValueSatisfying(date -> assertThat(date).isBetween(today, fiscalYearEnd));
            });
            assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
        }
    }

    /**
     * The hospital's and the vendors' forms: the finalized inspections (this year's and last year's) complete, with
     * a few いいえ with their target dates and a 相違 with its reason; the inspection in progress half-way, with two
     * vendor contracts (one form received with its answers, one missing with the reason), the hospital's omissions
     * and confirmations still to make; last year's form shown beside this year's. On the fiscal year's first and
     * last days as well as within it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-04-01", "2026-11-25", "2027-03-31"})
    void theInspectionsHaveTheHospitalsAndTheVendorsFormsTheFinalizedOnesComplete(LocalDate today) {
        try (Workspace workspace = Workspace.open(folder, fixedAt(today))) {
            workspace.demo().seed();
            List<InspectionSummary> all = workspace.inspections().list();
            for (InspectionSummary summary : all) {
                Inspection inspection = workspace.inspections().find(summary.id()).orElseThrow();
                Facility facility = workspace.selfCheck().facilityOf(inspection);
                Catalog catalog = workspace.inspections().catalogOf(inspection);
                Checklist checklist = Checklist.of(catalog, facility.profileOn(inspection.date()), inspection.date(),
                        workspace.inspections().findings(inspection.id(), inspection.revision()));
                SelfCheck forms = workspace.selfCheck().selfCheck(inspection.id(), inspection.revision());
                List<Gap> gaps = SelfCheckGaps.of(checklist, forms, facility.vendors());

                assertThat(forms.hospitalForm()).as("the hospital's form of %s", summary.date())
                        .hasSize(catalog.ministryItems().size());
                List<HospitalFormEntry> no = forms.hospitalForm().values().stream()
                        .filter(entry -> entry.answer().equals(Optional.of(SelfCheckAnswer.NO))).toList();
                assertThat(no).hasSizeGreaterThanOrEqualTo(2).filteredOn(entry -> entry.targetDate().isPresent())
                        .hasSizeGreaterThanOrEqualTo(2);
                assertThat(forms.hospitalForm().values()).filteredOn(entry -> entry.confirmation()
                        .equals(Optional.of(Confirmation.DIFFERS))).isNotEmpty()
                        .allSatisfy(entry -> assertThat(entry.confirmationReason()).isNotBlank());
                assertThat(forms.vendorForms()).hasSameSizeAs(facility.vendors());
                VendorForm received = forms.vendorForms().stream()
                        .filter(form -> form.status() == VendorForm.Status.RECEIVED).findFirst().orElseThrow();
                assertThat(received.filledOn()).isPresent();
                assertThat(received.answers()).containsOnlyKeys(catalog.ministryItems().stream()
                        .filter(MinistryItem::onVendorForm).map(MinistryItem::number).toList())
                        .containsValue(SelfCheckAnswer.NO);

                if (summary.status() == InspectionStatus.FINALIZED) {
                    // Complete: nothing blocks, and neither the hospital nor a vendor left anything out.
                    assertThat(checklist.gaps()).as("findings of %s", summary.date()).isEmpty();
                    assertThat(gaps).as("forms of %s", summary.date()).isEmpty();
                    assertThat(workspace.advice().content(inspection.id(), Optional.empty(),
                            workspace.settings().advice()).forms()).hasValueSatisfying(printed ->
                            assertThat(printed.differences()).isNotEmpty());
                } else {
                    // Half-way: two vendors, one form missing with its reason; the hospital's omissions and the
                    // confirmations not made yet listed, a confirmation made and a 相違 among them.
                    assertThat(facility.vendors()).hasSize(2);
                    assertThat(forms.vendorForms()).filteredOn(form -> form.status() == VendorForm.Status.MISSING)
                            .singleElement().satisfies(form -> assertThat(form.missingReason()).isNotBlank());
                    assertThat(gaps).extracting(Gap::kind).contains(Gap.Kind.HOSPITAL_DATE_MISSING,
                            Gap.Kind.HOSPITAL_TARGET_MISSING, Gap.Kind.CONFIRMATION_MISSING);
                    assertThat(forms.hospitalForm().values()).filteredOn(entry -> entry.confirmation()
                            .equals(Optional.of(Confirmation.AGREES))).isNotEmpty();
                }
            }

            // Last year's form, with its confirmations, beside this year's.
            InspectionSummary inProgress = all.stream().filter(summary -> summary.status() == InspectionStatus.IN_PROGRESS)
                    .findFirst().orElseThrow();
            assertThat(workspace.inspections().previousFindings(inProgress.facilityId(), inProgress.id(), today))
                    .hasValueSatisfying(previous -> {
                        assertThat(previous.date()).isBefore(FiscalYear.of(today).start());
                        assertThat(previous.hospitalForm().values()).filteredOn(entry -> entry.confirmation()
                                .equals(Optional.of(Confirmation.DIFFERS))).isNotEmpty();
                        assertThat(previous.hospitalForm().values()).allMatch(entry -> entry.confirmation().isPresent());
                    });
            assertThat(workspace.chainVerifier().verifyAll().ok()).isTrue();
        }
    }

    @Test
    void seedingTwiceAddsNothing() {
        try (Workspace workspace = Workspace.open(folder, fixedAt(LocalDate.of(2026, 11, 25)))) {
            assertThat(workspace.demo().seed()).isTrue();
            int facilities = workspace.facilities().all().size();
            int inspections = workspace.inspections().list().size();

            assertThat(workspace.demo().seed()).isFalse();

            assertThat(workspace.facilities().all()).hasSize(facilities);
            assertThat(workspace.inspections().list()).hasSize(inspections);
        }
    }

    private static Clock fixedAt(LocalDate date) {
        return Clock.fixed(date.atTime(10, 0).atZone(TOKYO).toInstant(), TOKYO);
    }
}
