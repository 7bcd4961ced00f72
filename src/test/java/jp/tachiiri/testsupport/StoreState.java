package jp.tachiiri.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.Sha256;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Evidence;
import jp.tachiiri.model.Finding;

/**
 * What the {@link CrashScript}'s inspections hold, in a form that the state worked out from the script and the
 * state read from a store can be compared in: per inspection, its findings, its evidence ("name sha256") and the
 * notes its audit trail recorded (each answer step writes a note of its own, so these name every answer step
 * that reached the trail).
 */
record StoreState(List<Inspection> inspections) {

    record Inspection(Map<String, Finding> findings, List<String> evidence, Set<String> notedInTrail) {
    }

    static final String FINDING_CHANGED = "FINDING_CHANGED";
    static final String EVIDENCE_ADDED = "EVIDENCE_ADDED";

    /** Before the first step: the inspections hold nothing. */
    static StoreState empty() {
        List<Inspection> inspections = new ArrayList<>();
        for (int i = 0; i < CrashScript.INSPECTIONS; i++) {
            inspections.add(new Inspection(Map.of(), List.of(), Set.of()));
        }
        return new StoreState(inspections);
    }

    /** This state with one more step of the script done. */
    StoreState with(CrashScript.Step step) {
        List<Inspection> changed = new ArrayList<>(inspections);
        Inspection before = inspections.get(step.inspection());
        Map<String, Finding> findings = new TreeMap<>(before.findings());
        List<String> evidence = new ArrayList<>(before.evidence());
        Set<String> notes = new HashSet<>(before.notedInTrail());
        step.answer().ifPresent(finding -> {
            findings.put(finding.itemId(), finding);
            notes.add(finding.note());
        });
        step.evidence().ifPresent(bytes -> evidence.add(step.evidenceName() + " " + Sha256.hex(bytes)));
        changed.set(step.inspection(), new Inspection(findings, evidence.stream().sorted().toList(), notes));
        return new StoreState(changed);
    }

    /**
     * Reads the script's inspections from an opened store, checking on the way what must hold whatever the
     * script did: every evidence file is there with the bytes its record names, and each trail agrees with the
     * findings (the last value it recorded for every field is the stored one) and with the evidence (one
     * "added" event per record). An inspection not started yet reads as empty.
     */
    static StoreState read(Workspace workspace) {
        List<Inspection> inspections = new ArrayList<>();
        for (Optional<String> id : CrashScript.existing(workspace)) {
            inspections.add(id.map(inspectionId -> read(workspace, inspectionId))
                    .orElseGet(() -> new Inspection(Map.of(), List.of(), Set.of())));
        }
        return new StoreState(inspections);
    }

    private static Inspection read(Workspace workspace, String inspectionId) {
        Map<String, Finding> findings = new TreeMap<>(workspace.inspections().findings(inspectionId, 1));
        List<String> evidence = new ArrayList<>();
        for (Evidence each : workspace.evidence().list(inspectionId, 1)) {
            try {
                // Refuses a file that is missing or whose bytes are not the recorded SHA-256.
                String stored = Sha256.hex(Files.readAllBytes(workspace.evidence().file(each)));
                evidence.add(each.fileName() + " " + stored);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("evidence " + each.fileName() + " of " + inspectionId + ": " + e.getMessage(), e);
            }
        }
        List<AuditEvent> trail = workspace.chainVerifier().trail(inspectionId).events();
        Map<String, String> lastAudited = new HashMap<>();
        Set<String> notes = new HashSet<>();
        long evidenceAdded = 0;
        for (AuditEvent event : trail) {
            if (event.action().equals(FINDING_CHANGED)) {
                lastAudited.put(event.subject(), event.newValue());
                if (event.subject().endsWith("/note")) {
                    notes.add(event.newValue());
                }
            } else if (event.action().equals(EVIDENCE_ADDED)) {
                evidenceAdded++;
            }
        }
        checkTrailAgrees(inspectionId, findings, lastAudited);
        if (evidenceAdded != evidence.size()) {
            throw new IllegalStateException("inspection " + inspectionId + " has " + evidence.size()
                    + " evidence records but " + evidenceAdded + " evidence events in its trail");
        }
        return new Inspection(findings, evidence.stream().sorted().toList(), notes);
    }

    /** A field never audited must still hold what an empty finding holds; an audited one, its last recorded value. */
    private static void checkTrailAgrees(String inspectionId, Map<String, Finding> findings, Map<String, String> lastAudited) {
        Set<String> auditedItems = new HashSet<>();
        lastAudited.keySet().forEach(subject -> auditedItems.add(subject.substring(0, subject.lastIndexOf('/'))));
        if (!findings.keySet().containsAll(auditedItems)) {
            throw new IllegalStateException("inspection " + inspectionId + ": the trail records findings that are not stored");
        }
        for (Finding finding : findings.values()) {
            Map<String, String> unset = Finding.empty(finding.itemId()).fields();
            finding.fields().forEach((field, value) -> {
                String subject = finding.itemId() + "/" + field;
                String audited = lastAudited.containsKey(subject) ? lastAudited.get(subject) : unset.get(field);
                if (!Objects.equals(audited, value)) {
                    throw new IllegalStateException("inspection " + inspectionId + ": " + subject + " is stored as " + value
                            + " but its trail last recorded " + audited);
                }
            });
        }
    }

    /** Where two states part, for a failure message. */
    String differenceFrom(StoreState other) {
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < inspections.size(); i++) {
            Inspection mine = inspections.get(i);
            Inspection theirs = other.inspections.get(i);
            Set<String> items = new HashSet<>(mine.findings().keySet());
            items.addAll(theirs.findings().keySet());
            for (String item : items) {
                if (!Objects.equals(mine.findings().get(item), theirs.findings().get(item))) {
                    differences.add("inspection " + i + " item " + item + ": " + mine.findings().get(item) + " vs "
                            + theirs.findings().get(item));
                }
            }
            if (!mine.evidence().equals(theirs.evidence())) {
                differences.add("inspection " + i + " evidence: " + mine.evidence() + " vs " + theirs.evidence());
            }
            if (!mine.notedInTrail().equals(theirs.notedInTrail())) {
                differences.add("inspection " + i + " notes in the trail: " + mine.notedInTrail().size() + " vs "
                        + theirs.notedInTrail().size());
            }
        }
        return String.join("; ", differences);
    }
}
