package jp.tachiiri.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.BundleWriter;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.bundle.Recipient;
import jp.tachiiri.bundle.TestDevices;
import jp.tachiiri.bundle.Sha256;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.AdviceVariant;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.testsupport.SyntheticChoices;
import jp.tachiiri.testsupport.SyntheticJapanese;

/**
 * Synthetic national data: one finalized inspection per hospital, spread over the 47 prefectures roughly as
 * Japan's hospitals are, each prefecture's inspections carried by its tablets as signed findings bundles of
 * up to {@code perBundle} inspections (one bundle per tablet). Every inspection has about 30 findings on real
 * items of the bundled catalog, Japanese notes and advice on some, a real audit chain of about 45 events, and
 * about a third of them have 1 to 3 small attachments (2 to 20 KB of random bytes, like photos: incompressible).
 * The content is fixed by the seed; only the signing keys and bundle ids differ from one generation to the next.
 */
final class NationalData {

    /** The prefectures in JIS order with a weight: roughly their number of hospitals. */
    private static final String[] MEDIA = {"image/jpeg", "image/png", "application/pdf"};

    /** What was written: the bundle files, and the rows an import of all of them must produce. */
    record Generated(Path folder, List<Path> files, Counts counts, long bytes, double seconds) {
    }

    /** The rows one import of all the bundles into an empty store adds, by table. */
    record Counts(int bundles, int devices, int inspections, int revisions, int findings, int evidence, int attachments,
                  int auditEvents, int inspectors, int attendees, int vendors) {

        Map<String, Integer> byTable() {
            Map<String, Integer> tables = new LinkedHashMap<>();
            tables.put("received_bundles", bundles);
            tables.put("known_devices", devices);
            tables.put("facilities", inspections);
            tables.put("facility_vendors", vendors);
            tables.put("inspections", inspections);
            tables.put("inspection_revisions", revisions);
            tables.put("revision_facility", revisions);
            tables.put("revision_origin", revisions);
            tables.put("revision_inspectors", inspectors);
            tables.put("revision_attendees", attendees);
            tables.put("findings", findings);
            tables.put("evidence", evidence);
            tables.put("audit_events", auditEvents);
            return tables;
        }
    }

    private final Random random;
    private final SyntheticChoices choices;
    private final Catalog catalog;
    private final Path scratch;
    private int findings;
    private int evidence;
    private int auditEvents;
    private int inspectors;
    private int attendees;
    private int vendors;

    private NationalData(long seed, Path scratch) {
        this.random = new Random(seed);
        this.choices = new SyntheticChoices(random);
        this.catalog = CatalogLibrary.bundled().latest();
        this.scratch = scratch;
    }

    /** Writes the bundles of {@code inspections} inspections into {@code outbox}; attachments are made in {@code scratch}. */
    static Generated generate(Path outbox, Path scratch, int inspections, int perBundle, long seed, Recipient office) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(outbox);
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NationalData data = new NationalData(seed, scratch);
        int[] perPrefecture = SyntheticJapanese.apportion(inspections);
        List<Path> files = new ArrayList<>();
        int devices = 0;
        for (int p = 0; p < SyntheticJapanese.PREFECTURES.length; p++) {
            int serial = 0;
            for (int tablet = 1; serial < perPrefecture[p]; tablet++) {
                int count = Math.min(perBundle, perPrefecture[p] - serial);
                String deviceId = String.format("t%02d%02d-office-tablet", p + 1, tablet);
                files.add(data.bundle(outbox, TestDevices.fresh(deviceId), office, p, serial, count));
                serial += count;
                devices++;
            }
        }
        long bytes = 0;
        for (Path file : files) {
            try {
                bytes += Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Counts counts = new Counts(files.size(), devices, inspections, inspections, data.findings, data.evidence,
                data.evidence, data.auditEvents, data.inspectors, data.attendees, data.vendors);
        return new Generated(outbox, files, counts, bytes, (System.nanoTime() - start) / 1e9);
    }

    private Path bundle(Path outbox, DeviceIdentity device, Recipient office, int prefecture, int firstSerial, int count) {
        List<BundleRecords.Inspection> inspections = new ArrayList<>();
        Map<String, BundleWriter.Attachment> attachments = new LinkedHashMap<>();
        Instant latest = Instant.EPOCH;
        String[] team = {choices.person("."), choices.person(".")};
        for (int i = 0; i < count; i++) {
            BundleRecords.Inspection inspection = inspection(prefecture, firstSerial + i, team, attachments);
            inspections.add(inspection);
            Instant finalized = Instant.parse(inspection.latest().finalizedAt());
            latest = finalized.isAfter(latest) ? finalized : latest;
        }
        BundleWriter.Written written = BundleWriter.write(outbox, device, BundleKind.FINDINGS, latest.plus(Duration.ofHours(20)),
                BundleRecords.tree(new BundleRecords.FindingsPayload(inspections)), List.copyOf(attachments.values()),
                List.of(office));
        for (BundleWriter.Attachment attachment : attachments.values()) {
            try {
                Files.delete(attachment.file());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return written.file();
    }

    private BundleRecords.Inspection inspection(int prefecture, int serial, String[] team,
                                                Map<String, BundleWriter.Attachment> attachments) {
        String id = choices.uuid();
        BundleRecords.Facility facility = facility(prefecture, serial);
        // A weekday of fiscal year 2025 after the catalog was published.
        LocalDate date = choices.weekday(LocalDate.of(2025, 6, 2), 300);
        Instant[] clock = {date.atTime(LocalTime.of(9, 30)).minusHours(9).toInstant(ZoneOffset.UTC)
                .plusSeconds(random.nextInt(3600))};
        String actor = team[0];
        List<AuditEvent> chain = new ArrayList<>();
        List<String> inspectorNames = List.of(team[0].replace(".", " "), team[1].replace(".", " "));
        String createdAt = clock[0].toString();
        audit(chain, id, actor, clock, "INSPECTION_STARTED", facility.id(), null,
                "date=" + date + "; catalog=" + catalog.version() + "; inspectors=" + String.join(", ", inspectorNames), null);

        List<BundleRecords.Finding> findingList = new ArrayList<>();
        String gateAt = tick(clock);
        findingList.add(new BundleRecords.Finding(catalog.gate().id(), "YES", List.of("INTERVIEW"), date.toString(), "", "", "",
                null, false, gateAt));
        audit(chain, id, actor, clock, "FINDING_CHANGED", catalog.gate().id() + "/answer", null, "YES", null);
        List<CatalogItem> items = catalog.items();
        int wanted = Math.min(items.size(), 27 + random.nextInt(5));
        List<CatalogItem> chosen = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            // Selection sampling: exactly `wanted` items, in catalog order.
            if (random.nextInt(items.size() - i) < wanted - chosen.size()) {
                chosen.add(items.get(i));
            }
        }
        for (CatalogItem item : chosen) {
            findingList.add(finding(item, date, chain, id, actor, clock));
        }

        List<BundleRecords.Evidence> evidenceList = new ArrayList<>();
        if (random.nextInt(100) < 35) {
            int files = 1 + random.nextInt(3);
            for (int f = 0; f < files; f++) {
                CatalogItem item = chosen.get(random.nextInt(chosen.size()));
                String media = MEDIA[random.nextInt(MEDIA.length)];
                BundleWriter.Attachment attachment = attachment(2_048 + random.nextInt(18_433), media);
                attachments.putIfAbsent(attachment.id(), attachment);
                String extension = media.equals("application/pdf") ? "pdf" : media.substring(6).replace("jpeg", "jpg");
                String fileName = "IMG_" + (1000 + random.nextInt(9000)) + "." + extension;
                String evidenceId = choices.uuid();
                String addedAt = tick(clock);
                evidenceList.add(new BundleRecords.Evidence(evidenceId, item.id(), fileName, media, attachment.id(), addedAt));
                audit(chain, id, actor, clock, "EVIDENCE_ADDED", item.id(), null, fileName, null);
                evidence++;
            }
        }

        List<BundleRecords.Attendee> attendeeList = new ArrayList<>();
        for (int a = 0, n = 1 + random.nextInt(3); a < n; a++) {
            attendeeList.add(new BundleRecords.Attendee(choices.person(".").replace(".", " "), SyntheticJapanese.ROLES[random.nextInt(SyntheticJapanese.ROLES.length)]));
        }
        String finalizedAt = tick(clock);
        audit(chain, id, actor, clock, "REVISION_FINALIZED", "revision 1", "IN_PROGRESS", "FINALIZED", null);
        BundleRecords.Revision revision = new BundleRecords.Revision(1, catalog.version(), date.toString(), null, createdAt,
                finalizedAt, facility, inspectorNames, attendeeList, findingList, evidenceList, List.of(), List.of());

        findings += findingList.size();
        auditEvents += chain.size();
        inspectors += inspectorNames.size();
        attendees += attendeeList.size();
        vendors += facility.vendors().size();
        List<BundleRecords.AuditEvent> audit = chain.stream().map(event -> new BundleRecords.AuditEvent(event.id(),
                event.sequence(), event.at().toString(), event.actor(), event.action(), event.subject(), event.oldValue(),
                event.newValue(), event.reason(), event.previousHash(), event.hash())).toList();
        return new BundleRecords.Inspection(id, facility.id(), createdAt, false, List.of(revision), audit);
    }

    private BundleRecords.Finding finding(CatalogItem item, LocalDate date, List<AuditEvent> chain, String inspectionId,
                                          String actor, Instant[] clock) {
        int roll = random.nextInt(100);
        String answer = roll < 75 ? "COMPLIANT" : roll < 87 ? "NON_COMPLIANT" : roll < 92 ? "ALTERNATIVE" : "NOT_APPLICABLE";
        List<String> confirmedBy = new ArrayList<>();
        int first = random.nextInt(SyntheticJapanese.CONFIRMATION.length);
        confirmedBy.add(SyntheticJapanese.CONFIRMATION[first]);
        if (random.nextBoolean() && first + 1 < SyntheticJapanese.CONFIRMATION.length) {
            confirmedBy.add(SyntheticJapanese.CONFIRMATION[first + 1 + random.nextInt(SyntheticJapanese.CONFIRMATION.length - first - 1)]);
        }
        String note = "";
        String reason = "";
        String advice = "";
        String targetDate = null;
        boolean followUp = false;
        switch (answer) {
            case "COMPLIANT" -> note = random.nextInt(100) < 8 ? choices.pick(SyntheticJapanese.COMPLIANT_NOTES) : "";
            case "NON_COMPLIANT" -> {
                note = choices.pick(SyntheticJapanese.NON_COMPLIANT_NOTES);
                List<AdviceVariant> variants = item.advice();
                advice = variants.isEmpty() ? "改善計画を作成し、期限までに報告してください。"
                        : variants.get(random.nextInt(variants.size())).text().ja();
                targetDate = date.plusDays(90).toString();
                followUp = true;
            }
            case "ALTERNATIVE" -> {
                reason = choices.pick(SyntheticJapanese.ALTERNATIVE_REASONS);
            }
            default -> reason = choices.pick(SyntheticJapanese.NOT_APPLICABLE_REASONS);
        }
        String updatedAt = tick(clock);
        audit(chain, inspectionId, actor, clock, "FINDING_CHANGED", item.id() + "/answer", null, answer, null);
        if (!note.isEmpty()) {
            audit(chain, inspectionId, actor, clock, "FINDING_CHANGED", item.id() + "/note", "", note, null);
        }
        if (!reason.isEmpty()) {
            audit(chain, inspectionId, actor, clock, "FINDING_CHANGED", item.id() + "/reason", "", reason, null);
        }
        if (!advice.isEmpty()) {
            audit(chain, inspectionId, actor, clock, "FINDING_CHANGED", item.id() + "/advice", "", advice, null);
        }
        return new BundleRecords.Finding(item.id(), answer, List.copyOf(confirmedBy), date.toString(), note, reason, advice,
                targetDate, followUp, updatedAt);
    }

    private BundleRecords.Facility facility(int prefecture, int serial) {
        String[] place = SyntheticJapanese.PLACES[random.nextInt(SyntheticJapanese.PLACES.length)];
        String[] kind = SyntheticJapanese.KINDS[random.nextInt(SyntheticJapanese.KINDS.length)];
        String code = String.format("%02d1%07d", prefecture + 1, serial + 1);
        String address = SyntheticJapanese.PREFECTURES[prefecture] + place[0] + "市" + SyntheticJapanese.TOWNS[random.nextInt(SyntheticJapanese.TOWNS.length)]
                + (1 + random.nextInt(5)) + "-" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20));
        List<BundleRecords.Vendor> vendorList = new ArrayList<>();
        for (int v = 0, n = random.nextInt(4); v < n; v++) {
            String[] vendor = SyntheticJapanese.VENDORS[random.nextInt(SyntheticJapanese.VENDORS.length)];
            vendorList.add(new BundleRecords.Vendor(vendor[0], vendor[1]));
        }
        boolean emr = random.nextInt(100) < 65;
        return new BundleRecords.Facility("fac-" + code, code, "医療法人" + place[0] + "会 " + place[0] + kind[0],
                "イリョウホウジン" + place[1] + "カイ " + place[1] + kind[1], address, 20 + random.nextInt(880), true, emr,
                List.copyOf(vendorList), false, "hospital", List.of());
    }

    private BundleWriter.Attachment attachment(int size, String mediaType) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        String sha = Sha256.hex(bytes);
        Path file = scratch.resolve(sha);
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BundleWriter.Attachment(sha, file, mediaType);
    }

    private void audit(List<AuditEvent> chain, String inspectionId, String actor, Instant[] clock, String action,
                       String subject, String oldValue, String newValue, String reason) {
        String previous = chain.isEmpty() ? AuditChain.GENESIS : chain.get(chain.size() - 1).hash();
        AuditEvent draft = new AuditEvent(choices.uuid(), inspectionId, 0, clock[0], actor, action, subject, oldValue, newValue, reason,
                null, null);
        chain.add(AuditChain.seal(draft, chain.size() + 1L, previous));
    }

    /** Moves the inspection's clock on by a few seconds to minutes and returns the new time. */
    private String tick(Instant[] clock) {
        clock[0] = clock[0].plusSeconds(20 + random.nextInt(240));
        return clock[0].toString();
    }

}
