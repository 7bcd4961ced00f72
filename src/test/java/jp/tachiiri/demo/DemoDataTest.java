package jp.tachiiri.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.catalog.Applicability;
import jp.tachiiri.model.Answer;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.Facility;
import jp.tachiiri.model.Finding;
import jp.tachiiri.model.Inspection;
import jp.tachiiri.model.InspectionStatus;
import jp.tachiiri.model.InspectionSummary;
import jp.tachiiri.testsupport.Profiles;
import org.junit.jupiter.api.Test;
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
