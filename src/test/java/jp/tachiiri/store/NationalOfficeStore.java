package jp.tachiiri.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.audit.AuditChain;
import jp.tachiiri.catalog.CatalogLibrary;
import jp.tachiiri.model.AdviceVariant;
import jp.tachiiri.model.BedBand;
import jp.tachiiri.model.Catalog;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.Checkpoint;
import jp.tachiiri.model.Confirmation;
import jp.tachiiri.review.ReviewStatus;
import jp.tachiiri.testsupport.SyntheticChoices;
import jp.tachiiri.testsupport.SyntheticJapanese;
import jp.tachiiri.testsupport.Offices;

/**
 * A generated office store at national scale: the inspections of the whole country over five fiscal years
 * (FY2021 to FY2025, about 8,000 a year for 40,000), as the office holds them after importing its tablets'
 * bundles and reviewing part of them. Written fast with plain JDBC batches into a data folder first opened (and
 * closed) by {@link Workspace#open}, so the schema is the product's own; none of the product's rules run.
 *
 * <p>What it holds, fixed by the seed:
 * <ul>
 * <li>one facility per hospital (about a fifth of the inspections; each is inspected once a year), spread over the
 *     47 prefectures roughly as Japan's hospitals are, 65% under 200 beds, 25% 200–399, 10% 400 and more; the bed
 *     count as finalized (revision_facility) drifts a little from year to year, so a few facilities change band;</li>
 * <li>per inspection, one finalized revision (4% have two: the first returned by the office, the second sent
 *     again) with the facility as finalized, two inspectors, one to three attendees and findings on the gate
 *     question plus 27 to 31 real items of the newest bundled catalog: 不適合 from about 16%
 *     (FY2021) down to 10% (FY2025), scaled per item, with note, the catalog's advice, a target date 90 days on and
 *     follow-up; 5% alternative measure and 8% not applicable, with reasons; the rest compliant;</li>
 * <li>the tablets (one per 50 facilities of a prefecture, {@code known_devices}, TRUSTED), one received bundle per
 *     tablet and year, {@code revision_origin} for every revision, {@code inspections.origin_device} set;</li>
 * <li>from FY2024 on, when the ministry's inspection became the confirmation of the hospital's own form, per
 *     revision a row of that form (医療機関確認用) for every item of the ministry's checklist with the inspector's
 *     confirmation: 相違 for 2% to 14% of the answers depending on the item, 未確認 for 3%, none for 0.5%, 確認 for the
 *     rest (drawn from a random source of its own, so the rest of the store is what it was without them);</li>
 * <li>review: FY2025 mostly not yet decided (received 55%, in review 20%, approved 20%, returned 5%), earlier years
 *     mostly approved; a returned decision has a comment and one item comment; 0.2% have an unresolved conflict
 *     (status CONFLICT) and 0.1% a resolved one.</li>
 * </ul>
 * Left out, as none of the review list's or the dashboard's queries read them: audit events, the review trail
 * (review_events, review_heads), evidence.
 *
 * <p>The rows are written with foreign keys off and no journal; findings are inserted before their revision row,
 * so the schema's lock on a finalized revision's findings (a trigger) lets them in, and the revision row is written
 * finalized at once. The result is the state the product's import and review leave: the store passes
 * {@code PRAGMA foreign_key_check}. At the end the file is switched back to WAL, as the product keeps it.
 */
public final class NationalOfficeStore {

    public static final int FIRST_FISCAL_YEAR = 2021;
    public static final int FISCAL_YEARS = 5;

    /** The newest finalized revision of one generated inspection: what the review list and the dashboard see. */
    public record Inspection(String id, int revision, LocalDate date, int fiscalYear, String facilityCode,
                             String facilityName, String facilityKana, int licensedBeds, String inspectors,
                             ReviewStatus status, List<String> nonCompliantItems, List<String> ministryNonCompliantItems,
                             int failedCheckpoints, int ministryApplicableCheckpoints, int ministryFailedCheckpoints,
                             Map<String, Optional<Confirmation>> hospitalForm) {

        public BedBand band() {
            return BedBand.of(licensedBeds);
        }

        /** Some item of the checkpoint was answered 不適合. */
        public boolean fails(Checkpoint checkpoint) {
            return (failedCheckpoints & (1 << checkpoint.ordinal())) != 0;
        }

        /**
         * Some of the ministry's items of the checkpoint was answered compliant, non-compliant or alternative (the
         * dashboard's shares leave 参考 items out).
         */
        public boolean appliesByMinistryItems(Checkpoint checkpoint) {
            return (ministryApplicableCheckpoints & (1 << checkpoint.ordinal())) != 0;
        }

        /** As {@link #fails}, counting the ministry's items only (as the review list and the dashboard do). */
        public boolean failsByMinistryItems(Checkpoint checkpoint) {
            return (ministryFailedCheckpoints & (1 << checkpoint.ordinal())) != 0;
        }
    }

    /** What was written: row counts, and the newest finalized revision of every inspection. */
    public record Generated(Path folder, Path database, int inspections, int facilities, int devices, int bundles,
                            int revisions, int findings, int hospitalFormRows, int reviewStarted, int reviewResults,
                            int conflicts, List<Inspection> newest, double seconds) {

        public Map<String, Integer> byTable() {
            Map<String, Integer> tables = new java.util.LinkedHashMap<>();
            tables.put("facilities", facilities);
            tables.put("known_devices", devices);
            tables.put("received_bundles", bundles);
            tables.put("inspections", inspections);
            tables.put("inspection_revisions", revisions);
            tables.put("revision_facility", revisions);
            tables.put("revision_origin", revisions);
            tables.put("revision_inspectors", 2 * revisions);
            tables.put("findings", findings);
            tables.put("hospital_form", hospitalFormRows);
            tables.put("review_started", reviewStarted);
            tables.put("review_results", reviewResults);
            tables.put("conflicts", conflicts);
            return tables;
        }
    }

    /** Roughly each prefecture's number of hospitals. */
    private static final String[] RETURN_COMMENTS = {
        "不適合項目の目標日が未記入です。記入のうえ再送してください。",
        "代替措置の内容を具体的に記載してください。",
        "確認方法の記載が不足しています。"
    };
    private static final String[] SUPERVISORS = {"本省 指導官A", "本省 指導官B", "保健所 課長"};
    /** The bed bands' shares in per cent: under 200, 200–399, 400 and more. */
    private static final int[] BAND_SHARES = {65, 25, 10};

    /** The first fiscal year whose inspections hold the hospital's own form. */
    private static final int FIRST_YEAR_WITH_HOSPITAL_FORM = 2024;

    private final Random random;
    /** Only for the hospital's forms, so that adding them left every other row as it was. */
    private final Random forms;
    private final SyntheticChoices choices;
    private final Catalog catalog;
    private final List<CatalogItem> items;
    private final String[] adviceOf;
    private final double[] difficulty;
    private final int[] checkpointOf;
    /** Per item of the ministry's checklist, how often inspectors contradict the hospital's answer. */
    private final double[] differsRate;

    private NationalOfficeStore(long seed) {
        this.random = new Random(seed);
        this.forms = new Random(seed + 1);
        this.choices = new SyntheticChoices(random);
        this.catalog = CatalogLibrary.bundled().latest();
        this.items = catalog.items();
        this.adviceOf = new String[items.size()];
        this.difficulty = new double[items.size()];
        this.checkpointOf = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            List<AdviceVariant> variants = items.get(i).advice();
            adviceOf[i] = variants.isEmpty() ? "改善計画を作成し、期限までに報告してください。" : variants.get(0).text().ja();
            // Some items fail far more often than others (0.4× to 1.6× the year's rate).
            difficulty[i] = 0.4 + 1.2 * random.nextDouble();
            checkpointOf[i] = items.get(i).checkpoint().ordinal();
        }
        this.differsRate = new double[catalog.ministryItems().size()];
        for (int m = 0; m < differsRate.length; m++) {
            differsRate[m] = 0.02 + 0.12 * forms.nextDouble();
        }
    }

    /**
     * Creates the office store in {@code folder} (which must not hold one yet) with {@code inspections} received
     * inspections spread evenly over the five fiscal years, and returns what it wrote.
     */
    public static Generated create(Path folder, int inspections, long seed) {
        long start = System.nanoTime();
        Path database;
        try (Workspace office = Offices.open(folder, Clock.fixed(Instant.parse("2026-11-30T01:00:00Z"), ZoneOffset.UTC))) {
            database = office.databaseFile();
        }
        try {
            return new NationalOfficeStore(seed).write(folder, database, inspections, start);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the national office store " + database, e);
        }
    }

    /** A facility as it is in every year, and its tablet. */
    private record Facility(String id, String code, String name, String kana, String address, int beds, boolean emr,
                            String vendors, int[] vendorIndexes, String device) {
    }

    private Generated write(Path folder, Path database, int inspections, long start) throws SQLException {
        int facilityCount = (inspections + FISCAL_YEARS - 1) / FISCAL_YEARS;
        int[] perPrefecture = SyntheticJapanese.apportion(facilityCount);
        List<Facility> facilities = new ArrayList<>(facilityCount);
        List<String> devices = new ArrayList<>();
        for (int p = 0; p < SyntheticJapanese.PREFECTURES.length; p++) {
            for (int serial = 0; serial < perPrefecture[p]; serial++) {
                if (serial % 50 == 0) {
                    devices.add(String.format("t%02d%02d-office-tablet", p + 1, serial / 50 + 1));
                }
                facilities.add(facility(p, serial, devices.get(devices.size() - 1)));
            }
        }
        List<Inspection> newest = new ArrayList<>(inspections);
        int revisions = 0;
        int findings = 0;
        int hospitalFormRows = 0;
        int started = 0;
        int results = 0;
        int conflicts = 0;
        int bundles = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             Statement pragma = connection.createStatement()) {
            pragma.execute("PRAGMA journal_mode = DELETE");
            pragma.execute("PRAGMA journal_mode = OFF");
            pragma.execute("PRAGMA synchronous = OFF");
            pragma.execute("PRAGMA foreign_keys = OFF");
            pragma.execute("PRAGMA cache_size = -262144");
            pragma.execute("PRAGMA temp_store = MEMORY");
            connection.setAutoCommit(false);
            Writer out = new Writer(connection);
            String firstSeen = "2021-04-01T00:00:00Z";
            for (String device : devices) {
                out.device.setString(1, device);
                out.device.setString(2, hex(64));
                out.device.setString(3, firstSeen);
                out.device.setString(4, "tachiiri_findings_" + device.replaceAll("[^A-Za-z0-9]", "").substring(0, 8)
                        + "_20210401T000000Z_" + choices.uuid() + ".json");
                out.device.setString(5, firstSeen);
                out.device.addBatch();
            }
            for (Facility facility : facilities) {
                out.facility(facility);
            }
            out.flush();
            int written = 0;
            for (int year = 0; year < FISCAL_YEARS && written < inspections; year++) {
                int fiscalYear = FIRST_FISCAL_YEAR + year;
                Map<String, String> bundleOfDevice = new HashMap<>();
                for (int f = 0; f < facilityCount && written < inspections; f++, written++) {
                    Facility facility = facilities.get(f);
                    String bundle = bundleOfDevice.get(facility.device());
                    if (bundle == null) {
                        bundle = choices.uuid();
                        bundleOfDevice.put(facility.device(), bundle);
                        Instant created = LocalDate.of(fiscalYear + 1, 3, 31).atTime(9, 0).toInstant(ZoneOffset.UTC);
                        out.bundle.setString(1, bundle);
                        out.bundle.setString(2, facility.device());
                        out.bundle.setString(3, created.toString());
                        out.bundle.setString(4, created.plusSeconds(86_400 + random.nextInt(86_400)).toString());
                        out.bundle.setString(5, "tachiiri_findings_" + facility.device().replaceAll("[^A-Za-z0-9]", "")
                                .substring(0, 8) + "_" + created.toString().replaceAll("[-:]", "") + "_" + bundle + ".json");
                        out.bundle.addBatch();
                        bundles++;
                    }
                    Counts counts = inspection(out, facility, fiscalYear, bundle, newest);
                    revisions += counts.revisions;
                    findings += counts.findings;
                    hospitalFormRows += counts.hospitalFormRows;
                    started += counts.started;
                    results += counts.results;
                    conflicts += counts.conflicts;
                    if (written % 1000 == 999) {
                        out.flush();
                    }
                }
            }
            out.flush();
            connection.commit();
            connection.setAutoCommit(true);
            pragma.execute("PRAGMA journal_mode = WAL");
        }
        return new Generated(folder, database, newest.size(), facilityCount, devices.size(), bundles, revisions, findings,
                hospitalFormRows, started, results, conflicts, Collections.unmodifiableList(newest),
                (System.nanoTime() - start) / 1e9);
    }

    private record Counts(int revisions, int findings, int hospitalFormRows, int started, int results, int conflicts) {
    }

    /** Writes one inspection with its revisions, review and conflicts; adds its newest revision to {@code newest}. */
    private Counts inspection(Writer out, Facility facility, int fiscalYear, String bundle, List<Inspection> newest)
            throws SQLException {
        String id = choices.uuid();
        LocalDate date = choices.weekday(LocalDate.of(fiscalYear, 4, 1), 365);
        Instant startedAt = date.atTime(0, 30).toInstant(ZoneOffset.UTC).plusSeconds(random.nextInt(3_600));
        int beds = Math.max(20, facility.beds() + (random.nextInt(10) == 0 ? random.nextInt(61) - 30 : 0));
        String[] team = {choices.person(" "), choices.person(" ")};
        boolean twoRevisions = random.nextInt(100) < 4;
        int newestRevision = twoRevisions ? 2 : 1;

        out.inspection.setString(1, id);
        out.inspection.setString(2, facility.id());
        out.inspection.setString(3, startedAt.toString());
        out.inspection.setString(4, AuditChain.GENESIS);
        out.inspection.setString(5, facility.device());
        out.inspection.addBatch();

        // The findings of the first revision; a second one fixes about half of the 不適合 items.
        int[] answers = answers(fiscalYear, facility);
        Map<String, Optional<Confirmation>> hospitalForm = fiscalYear >= FIRST_YEAR_WITH_HOSPITAL_FORM
                ? hospitalForm() : Map.of();
        int findings = 0;
        Instant clock = startedAt;
        for (int revision = 1; revision <= newestRevision; revision++) {
            if (revision == 2) {
                for (int i = 0; i < answers.length; i++) {
                    if (answers[i] == NON_COMPLIANT && random.nextBoolean()) {
                        answers[i] = COMPLIANT;
                    }
                }
                clock = clock.plusSeconds(86_400L * (10 + random.nextInt(20)));
            }
            clock = writeFindings(out, id, revision, date, answers, clock);
            findings += 1 + answered(answers);
            // An amended revision carries the form as it was, as the product's amend does.
            for (Map.Entry<String, Optional<Confirmation>> row : hospitalForm.entrySet()) {
                out.hospitalForm(id, revision, row.getKey(), date.minusDays(7).toString(), row.getValue(), clock.toString());
            }            Instant finalized = clock.plusSeconds(60 + random.nextInt(600));
            out.revision.setString(1, id);
            out.revision.setInt(2, revision);
            out.revision.setString(3, catalog.version());
            out.revision.setString(4, date.toString());
            out.revision.setString(5, revision == 1 ? null : "事務局からの差戻しを受けて修正");
            out.revision.setString(6, (revision == 1 ? startedAt : clock).toString());
            out.revision.setString(7, finalized.toString());
            out.revision.addBatch();
            out.revisionFacility(id, revision, facility, beds);
            for (int position = 0; position < team.length; position++) {
                out.inspector.setString(1, id);
                out.inspector.setInt(2, revision);
                out.inspector.setInt(3, position);
                out.inspector.setString(4, team[position]);
                out.inspector.addBatch();
            }
            for (int a = 0, n = 1 + random.nextInt(3); a < n; a++) {
                out.attendee.setString(1, id);
                out.attendee.setInt(2, revision);
                out.attendee.setInt(3, a);
                out.attendee.setString(4, choices.person(" "));
                out.attendee.setString(5, SyntheticJapanese.ROLES[random.nextInt(SyntheticJapanese.ROLES.length)]);
                out.attendee.addBatch();
            }
            out.origin.setString(1, id);
            out.origin.setInt(2, revision);
            out.origin.setString(3, hex(64));
            out.origin.setString(4, bundle);
            out.origin.addBatch();
        }

        int started = 0;
        int results = 0;
        Instant reviewAt = clock.plusSeconds(86_400L * (5 + random.nextInt(60)));
        if (twoRevisions) {
            out.started(id, 1, reviewAt);
            out.result(id, 1, "RETURNED", choices.pick(RETURN_COMMENTS), reviewAt.plusSeconds(3_600), items.get(random.nextInt(items.size())).id());
            started++;
            results++;
            reviewAt = reviewAt.plusSeconds(86_400L * 30);
        }
        ReviewStatus status = status(fiscalYear);
        switch (status) {
            case IN_REVIEW -> {
                out.started(id, newestRevision, reviewAt);
                started++;
            }
            case APPROVED, RETURNED -> {
                out.started(id, newestRevision, reviewAt);
                boolean approved = status == ReviewStatus.APPROVED;
                out.result(id, newestRevision, status.name(), approved ? "" : choices.pick(RETURN_COMMENTS),
                        reviewAt.plusSeconds(1_800 + random.nextInt(7_200)),
                        approved ? null : items.get(random.nextInt(items.size())).id());
                started++;
                results++;
            }
            default -> {
                // Received: nobody has opened it yet.
            }
        }
        int conflicts = 0;
        int roll = random.nextInt(1_000);
        if (roll < 3) {
            boolean resolved = roll == 2;
            out.conflict.setString(1, id);
            out.conflict.setString(2, hex(64));
            out.conflict.setString(3, bundle);
            out.conflict.setString(4, facility.device());
            out.conflict.setString(5, reviewAt.plusSeconds(600).toString());
            out.conflict.setString(6, "{\"id\":\"" + id + "\",\"facilityId\":\"" + facility.id() + "\",\"revisions\":[{\"revision\":"
                    + newestRevision + ",\"inspectionDate\":\"" + date + "\",\"status\":\"FINALIZED\"}]}");
            out.conflict.setString(7, resolved ? reviewAt.plusSeconds(86_400).toString() : null);
            out.conflict.addBatch();
            conflicts++;
            if (!resolved) {
                status = ReviewStatus.CONFLICT;
            }
        }

        List<String> nonCompliant = new ArrayList<>();
        List<String> ministryNonCompliant = new ArrayList<>();
        int failed = 0;
        int ministryApplicable = 0;
        int ministryFailed = 0;
        for (int i = 0; i < answers.length; i++) {
            int answer = answers[i];
            boolean ministry = !items.get(i).isReference();
            if (answer == COMPLIANT || answer == NON_COMPLIANT || answer == ALTERNATIVE) {
                ministryApplicable |= ministry ? 1 << checkpointOf[i] : 0;
            }
            if (answer == NON_COMPLIANT) {
                failed |= 1 << checkpointOf[i];
                ministryFailed |= ministry ? 1 << checkpointOf[i] : 0;
                nonCompliant.add(items.get(i).id());
                if (ministry) {
                    ministryNonCompliant.add(items.get(i).id());
                }
            }
        }
        Collections.sort(nonCompliant);
        Collections.sort(ministryNonCompliant);
        newest.add(new Inspection(id, newestRevision, date, fiscalYear, facility.code(), facility.name(), facility.kana(), beds,
                team[0] + "、" + team[1], status, List.copyOf(nonCompliant), List.copyOf(ministryNonCompliant), failed,
                ministryApplicable, ministryFailed, hospitalForm));
        return new Counts(newestRevision, findings, hospitalForm.size() * newestRevision, started, results, conflicts);
    }

    /** The inspector's confirmation of the hospital's answer to each item of the ministry's checklist (empty: none). */
    private Map<String, Optional<Confirmation>> hospitalForm() {
        Map<String, Optional<Confirmation>> rows = new LinkedHashMap<>();
        for (int m = 0; m < differsRate.length; m++) {
            double roll = forms.nextDouble();
            Optional<Confirmation> confirmation = roll < 0.005 ? Optional.empty()
                    : roll < 0.035 ? Optional.of(Confirmation.NOT_CONFIRMED)
                    : roll < 0.035 + differsRate[m] ? Optional.of(Confirmation.DIFFERS) : Optional.of(Confirmation.AGREES);
            rows.put(catalog.ministryItems().get(m).number(), confirmation);
        }
        return Collections.unmodifiableMap(rows);
    }

    private static final int NONE = 0;
    private static final int COMPLIANT = 1;
    private static final int NON_COMPLIANT = 2;
    private static final int ALTERNATIVE = 3;
    private static final int NOT_APPLICABLE = 4;
    private static final String[] ANSWERS = {null, "COMPLIANT", "NON_COMPLIANT", "ALTERNATIVE", "NOT_APPLICABLE"};

    /** One answer per catalog item (NONE: not in this inspection): 27 to 31 items, chosen by selection sampling. */
    private int[] answers(int fiscalYear, Facility facility) {
        int[] answers = new int[items.size()];
        int wanted = Math.min(items.size(), 27 + random.nextInt(5));
        int chosen = 0;
        // 不適合 falls from 16% in FY2021 to 10% in FY2025; small hospitals fail a little more often.
        double rate = (16 - 1.5 * (fiscalYear - FIRST_FISCAL_YEAR)) / 100.0 * (facility.beds() < 200 ? 1.15 : 0.85);
        for (int i = 0; i < items.size(); i++) {
            if (random.nextInt(items.size() - i) >= wanted - chosen) {
                continue;
            }
            chosen++;
            double roll = random.nextDouble();
            double nonCompliant = rate * difficulty[i];
            answers[i] = roll < 0.08 ? NOT_APPLICABLE : roll < 0.13 ? ALTERNATIVE : roll < 0.13 + nonCompliant ? NON_COMPLIANT
                    : COMPLIANT;
        }
        return answers;
    }

    private static int answered(int[] answers) {
        int count = 0;
        for (int answer : answers) {
            if (answer != NONE) {
                count++;
            }
        }
        return count;
    }

    private Instant writeFindings(Writer out, String inspectionId, int revision, LocalDate date, int[] answers, Instant clock)
            throws SQLException {
        String day = date.toString();
        String target = date.plusDays(90).toString();
        clock = clock.plusSeconds(20 + random.nextInt(240));
        out.finding(inspectionId, revision, catalog.gate().id(), "YES", "INTERVIEW", day, "", "", "", null, false, clock.toString());
        for (int i = 0; i < answers.length; i++) {
            int answer = answers[i];
            if (answer == NONE) {
                continue;
            }
            clock = clock.plusSeconds(20 + random.nextInt(240));
            int first = random.nextInt(SyntheticJapanese.CONFIRMATION.length);
            String confirmedBy = SyntheticJapanese.CONFIRMATION[first];
            if (random.nextBoolean() && first + 1 < SyntheticJapanese.CONFIRMATION.length) {
                confirmedBy = confirmedBy + "," + SyntheticJapanese.CONFIRMATION[first + 1 + random.nextInt(SyntheticJapanese.CONFIRMATION.length - first - 1)];
            }
            String note = "";
            String reason = "";
            String advice = "";
            String targetDate = null;
            boolean followUp = false;
            switch (answer) {
                case COMPLIANT -> note = random.nextInt(100) < 8 ? choices.pick(SyntheticJapanese.COMPLIANT_NOTES) : "";
                case NON_COMPLIANT -> {
                    note = choices.pick(SyntheticJapanese.NON_COMPLIANT_NOTES);
                    advice = adviceOf[i];
                    targetDate = target;
                    followUp = true;
                }
                case ALTERNATIVE -> reason = choices.pick(SyntheticJapanese.ALTERNATIVE_REASONS);
                default -> reason = choices.pick(SyntheticJapanese.NOT_APPLICABLE_REASONS);
            }
            out.finding(inspectionId, revision, items.get(i).id(), ANSWERS[answer], confirmedBy, day, note, reason, advice,
                    targetDate, followUp, clock.toString());
        }
        return clock;
    }

    /** The status of the newest revision before conflicts: the older the year, the more of it is decided. */
    private ReviewStatus status(int fiscalYear) {
        int roll = random.nextInt(100);
        if (fiscalYear == FIRST_FISCAL_YEAR + FISCAL_YEARS - 1) {
            return roll < 55 ? ReviewStatus.RECEIVED : roll < 75 ? ReviewStatus.IN_REVIEW : roll < 95 ? ReviewStatus.APPROVED
                    : ReviewStatus.RETURNED;
        }
        return roll < 2 ? ReviewStatus.RECEIVED : roll < 4 ? ReviewStatus.IN_REVIEW : roll < 97 ? ReviewStatus.APPROVED
                : ReviewStatus.RETURNED;
    }

    private Facility facility(int prefecture, int serial, String device) {
        String[] place = SyntheticJapanese.PLACES[random.nextInt(SyntheticJapanese.PLACES.length)];
        String[] kind = SyntheticJapanese.KINDS[random.nextInt(SyntheticJapanese.KINDS.length)];
        String code = String.format("%02d1%07d", prefecture + 1, serial + 1);
        String address = SyntheticJapanese.PREFECTURES[prefecture] + place[0] + "市" + SyntheticJapanese.TOWNS[random.nextInt(SyntheticJapanese.TOWNS.length)]
                + (1 + random.nextInt(5)) + "-" + (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20));
        int band = random.nextInt(100);
        int beds = band < BAND_SHARES[0] ? 20 + random.nextInt(180)
                : band < BAND_SHARES[0] + BAND_SHARES[1] ? 200 + random.nextInt(200) : 400 + random.nextInt(800);
        int vendorCount = random.nextInt(4);
        int[] vendorIndexes = new int[vendorCount];
        StringBuilder vendors = new StringBuilder();
        for (int v = 0; v < vendorCount; v++) {
            vendorIndexes[v] = random.nextInt(SyntheticJapanese.VENDORS.length);
            if (v > 0) {
                vendors.append('\n');
            }
            vendors.append(SyntheticJapanese.VENDORS[vendorIndexes[v]][0]).append('\t').append(SyntheticJapanese.VENDORS[vendorIndexes[v]][1]);
        }
        return new Facility("fac-" + code, code, "医療法人" + place[0] + "会 " + place[0] + kind[0],
                "イリョウホウジン" + place[1] + "カイ " + place[1] + kind[1], address, beds, random.nextInt(100) < 65,
                vendors.toString(), vendorIndexes, device);
    }

    private String hex(int digits) {
        StringBuilder out = new StringBuilder(digits);
        while (out.length() < digits) {
            out.append(String.format("%016x", random.nextLong()));
        }
        return out.substring(0, digits);
    }

    /** The prepared statements, prepared once, filled in batches. */
    private final class Writer {
        final PreparedStatement device;
        final PreparedStatement facility;
        final PreparedStatement vendor;
        final PreparedStatement bundle;
        final PreparedStatement inspection;
        final PreparedStatement findings;
        final PreparedStatement hospitalForm;
        final PreparedStatement revision;
        final PreparedStatement revisionFacility;
        final PreparedStatement inspector;
        final PreparedStatement attendee;
        final PreparedStatement origin;
        final PreparedStatement started;
        final PreparedStatement result;
        final PreparedStatement itemComment;
        final PreparedStatement conflict;
        /** In the order the batches run: findings before their revision (see the class comment). */
        final List<PreparedStatement> order;

        Writer(Connection connection) throws SQLException {
            device = connection.prepareStatement("""
                    INSERT INTO known_devices (device_id, public_key, role, status, first_seen_at, first_file, decided_at)
                    VALUES (?, ?, 'INSPECTOR', 'TRUSTED', ?, ?, ?)""");
            facility = connection.prepareStatement("""
                    INSERT INTO facilities (id, code, name, kana, address, licensed_beds, has_medical_information_system,
                                            uses_emr, demo) VALUES (?, ?, ?, ?, ?, ?, 1, ?, 0)""");
            vendor = connection.prepareStatement(
                    "INSERT INTO facility_vendors (facility_id, position, vendor_name, system) VALUES (?, ?, ?, ?)");
            bundle = connection.prepareStatement("""
                    INSERT INTO received_bundles (bundle_id, device_id, kind, created_at, received_at, file_name)
                    VALUES (?, ?, 'findings', ?, ?, ?)""");
            inspection = connection.prepareStatement("""
                    INSERT INTO inspections (id, facility_id, created_at, demo, audit_last_hash, origin_device)
                    VALUES (?, ?, ?, 0, ?, ?)""");
            findings = connection.prepareStatement("""
                    INSERT INTO findings (inspection_id, revision, item_id, answer, confirmed_by, checked_on, note,
                                          reason, advice, target_date, follow_up, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            hospitalForm = connection.prepareStatement("""
                    INSERT INTO hospital_form (inspection_id, revision, ministry_number, answer, checked_on, confirmation,
                                               confirmation_reason, updated_at)
                    VALUES (?, ?, ?, 'YES', ?, ?, ?, ?)""");
            revision = connection.prepareStatement("""
                    INSERT INTO inspection_revisions (inspection_id, revision, catalog_version, inspection_date, status,
                                                      amend_reason, created_at, finalized_at)
                    VALUES (?, ?, ?, ?, 'FINALIZED', ?, ?, ?)""");
            revisionFacility = connection.prepareStatement("""
                    INSERT INTO revision_facility (inspection_id, revision, code, name, kana, address, licensed_beds,
                                                   has_medical_information_system, uses_emr, vendors)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""");
            inspector = connection.prepareStatement(
                    "INSERT INTO revision_inspectors (inspection_id, revision, position, name) VALUES (?, ?, ?, ?)");
            attendee = connection.prepareStatement(
                    "INSERT INTO revision_attendees (inspection_id, revision, position, name, role) VALUES (?, ?, ?, ?, ?)");
            origin = connection.prepareStatement(
                    "INSERT INTO revision_origin (inspection_id, revision, content_hash, bundle_id) VALUES (?, ?, ?, ?)");
            started = connection.prepareStatement(
                    "INSERT INTO review_started (inspection_id, revision, started_at, started_by) VALUES (?, ?, ?, ?)");
            result = connection.prepareStatement("""
                    INSERT INTO review_results (inspection_id, revision, decision, comment, decided_at, decided_by)
                    VALUES (?, ?, ?, ?, ?, ?)""");
            itemComment = connection.prepareStatement(
                    "INSERT INTO review_item_comments (inspection_id, revision, item_id, comment) VALUES (?, ?, ?, ?)");
            conflict = connection.prepareStatement("""
                    INSERT INTO conflicts (inspection_id, content_hash, bundle_id, device_id, received_at, content, resolved_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""");
            order = List.of(device, facility, vendor, bundle, inspection, findings, hospitalForm, revision, revisionFacility,
                    inspector,
                    attendee, origin, started, result, itemComment, conflict);
        }

        void facility(Facility f) throws SQLException {
            facility.setString(1, f.id());
            facility.setString(2, f.code());
            facility.setString(3, f.name());
            facility.setString(4, f.kana());
            facility.setString(5, f.address());
            facility.setInt(6, f.beds());
            facility.setInt(7, f.emr() ? 1 : 0);
            facility.addBatch();
            for (int v = 0; v < f.vendorIndexes().length; v++) {
                vendor.setString(1, f.id());
                vendor.setInt(2, v);
                vendor.setString(3, SyntheticJapanese.VENDORS[f.vendorIndexes()[v]][0]);
                vendor.setString(4, SyntheticJapanese.VENDORS[f.vendorIndexes()[v]][1]);
                vendor.addBatch();
            }
        }

        void revisionFacility(String inspectionId, int number, Facility f, int beds) throws SQLException {
            revisionFacility.setString(1, inspectionId);
            revisionFacility.setInt(2, number);
            revisionFacility.setString(3, f.code());
            revisionFacility.setString(4, f.name());
            revisionFacility.setString(5, f.kana());
            revisionFacility.setString(6, f.address());
            revisionFacility.setInt(7, beds);
            revisionFacility.setInt(8, f.emr() ? 1 : 0);
            revisionFacility.setString(9, f.vendors());
            revisionFacility.addBatch();
        }

        void finding(String inspectionId, int number, String itemId, String answer, String confirmedBy, String checkedOn,
                     String note, String reason, String advice, String targetDate, boolean followUp, String updatedAt)
                throws SQLException {
            findings.setString(1, inspectionId);
            findings.setInt(2, number);
            findings.setString(3, itemId);
            findings.setString(4, answer);
            findings.setString(5, confirmedBy);
            findings.setString(6, checkedOn);
            findings.setString(7, note);
            findings.setString(8, reason);
            findings.setString(9, advice);
            findings.setString(10, targetDate);
            findings.setInt(11, followUp ? 1 : 0);
            findings.setString(12, updatedAt);
            findings.addBatch();
        }

        void hospitalForm(String inspectionId, int number, String ministryNumber, String checkedOn,
                          Optional<Confirmation> confirmation, String updatedAt) throws SQLException {
            hospitalForm.setString(1, inspectionId);
            hospitalForm.setInt(2, number);
            hospitalForm.setString(3, ministryNumber);
            hospitalForm.setString(4, checkedOn);
            hospitalForm.setString(5, confirmation.map(Enum::name).orElse(null));
            hospitalForm.setString(6, confirmation.filter(each -> each != Confirmation.AGREES)
                    .map(each -> "現地確認の結果による").orElse(""));
            hospitalForm.setString(7, updatedAt);
            hospitalForm.addBatch();
        }

        void started(String inspectionId, int number, Instant at) throws SQLException {
            started.setString(1, inspectionId);
            started.setInt(2, number);
            started.setString(3, at.toString());
            started.setString(4, SUPERVISORS[random.nextInt(SUPERVISORS.length)]);
            started.addBatch();
        }

        void result(String inspectionId, int number, String decision, String comment, Instant at, String commentedItem)
                throws SQLException {
            result.setString(1, inspectionId);
            result.setInt(2, number);
            result.setString(3, decision);
            result.setString(4, comment);
            result.setString(5, at.toString());
            result.setString(6, SUPERVISORS[random.nextInt(SUPERVISORS.length)]);
            result.addBatch();
            if (commentedItem != null) {
                itemComment.setString(1, inspectionId);
                itemComment.setInt(2, number);
                itemComment.setString(3, commentedItem);
                itemComment.setString(4, "根拠資料を添付してください。");
                itemComment.addBatch();
            }
        }

        void flush() throws SQLException {
            for (PreparedStatement statement : order) {
                statement.executeBatch();
            }
        }
    }

    /** How many of each band, for a quick look at what was generated. */
    public static Map<BedBand, Integer> bands(List<Inspection> inspections) {
        Map<BedBand, Integer> counts = new EnumMap<>(BedBand.class);
        for (Inspection inspection : inspections) {
            counts.merge(inspection.band(), 1, Integer::sum);
        }
        return counts;
    }
}
