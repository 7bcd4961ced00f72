package jp.tachiiri.advice;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.chrono.JapaneseChronology;
import java.time.chrono.JapaneseDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import jp.tachiiri.i18n.DateText;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.inspection.MinistryResult;
import jp.tachiiri.model.Attendee;
import jp.tachiiri.model.CatalogItem;
import jp.tachiiri.model.HelpResource;
import jp.tachiiri.model.HospitalFormEntry;
import jp.tachiiri.model.InspectionIds;
import jp.tachiiri.model.MinistryItem;
import jp.tachiiri.model.Period;
import jp.tachiiri.model.Language;
import jp.tachiiri.model.VendorForm;
import jp.tachiiri.pdf.Alignment;
import jp.tachiiri.pdf.Block;
import jp.tachiiri.pdf.Column;
import jp.tachiiri.pdf.DocumentInfo;
import jp.tachiiri.pdf.Heading;
import jp.tachiiri.pdf.KeepTogether;
import jp.tachiiri.pdf.PageFooter;
import jp.tachiiri.pdf.Paragraph;
import jp.tachiiri.pdf.PdfDocumentWriter;
import jp.tachiiri.pdf.SignatureLines;
import jp.tachiiri.pdf.Spacer;
import jp.tachiiri.pdf.Table;
import jp.tachiiri.pdf.TextStyle;

/** Lays the advice content out as the printout the hospital receives, in Japanese or English. */
public final class AdvicePdf {

    /**
     * Japanese official documents date in the imperial era (令和8年11月25日), unlike the screens (2026年11月25日);
     * English dates as the screens do.
     */
    private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("GGGGy年M月d日", Locale.JAPAN)
            .withChronology(JapaneseChronology.INSTANCE);

    /** An ideographic space: sets a row's label in by one character, in both languages. */
    private static final String INDENT = "\u3000";

    private final PdfDocumentWriter writer = new PdfDocumentWriter();

    public byte[] render(AdviceContent content, Language language) {
        Messages messages = Messages.of(language);
        return writer.write(blocks(content, messages), footer(content, messages), info(content, messages));
    }

    /** Writes the PDF atomically (temporary file, fsync, rename). */
    public void write(AdviceContent content, Language language, Path out) {
        Messages messages = Messages.of(language);
        writer.write(blocks(content, messages), footer(content, messages), info(content, messages), out);
    }

    List<Block> blocks(AdviceContent content, Messages messages) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(messages.get(content.draft() ? "advice.draftTitle" : "advice.title"), 1));
        if (content.draft()) {
            blocks.add(new Paragraph(messages.get("advice.draftNote"), TextStyle.small()));
        }
        String issuer = content.settings().issuingAuthority().isBlank()
                ? messages.get("advice.issuerMissing") : content.settings().issuingAuthority();
        blocks.add(new Paragraph(date(content.documentDate(), messages) + "\n" + issuer, TextStyle.body().aligned(Alignment.RIGHT)));
        blocks.add(new Paragraph(messages.get("advice.addressee", content.facility().name()), TextStyle.bodyBold()));
        blocks.add(new Paragraph(messages.get("advice.intro", date(content.inspection().date(), messages)), TextStyle.body()));
        Sections sections = new Sections(messages);

        blocks.add(sections.heading("overview"));
        blocks.add(overview(content, messages));

        blocks.add(summary(sections.heading("summary"), content, messages));

        blocks.add(sections.heading("ministryItems"));
        blocks.add(new Paragraph(messages.get("advice.ministry.intro",
                content.catalog().checklist().name().in(messages.language())), TextStyle.body()));
        blocks.add(ministryResults(content, messages));
        Optional<AdviceContent.Forms> forms = content.forms();
        if (forms.isPresent()) {
            // The forms' section comes next: the note on the table's columns points to it.
            blocks.add(new Paragraph(messages.get("advice.ministry.formsNote", sections.number() + 1), TextStyle.small()));
        }
        if (content.ministryResults().stream().anyMatch(result -> !result.item().confirmed())) {
            blocks.add(new Paragraph(messages.get("advice.ministry.unverified"), TextStyle.small()));
        }
        if (forms.isPresent()) {
            blocks.add(sections.heading("forms"));
            blocks.addAll(forms(content, forms.get(), messages));
        }

        Heading improvementsHeading = sections.heading("improvements");
        int improvementsSection = sections.number();
        blocks.add(improvementsHeading);
        if (content.improvements().isEmpty()) {
            blocks.add(new Paragraph(messages.get("advice.improvements.none"), TextStyle.body()));
        } else {
            blocks.add(improvements(content.improvements(), messages));
            targetNote(content.improvements(), messages).ifPresent(blocks::add);
        }

        blocks.add(sections.heading("alternatives"));
        if (content.alternatives().isEmpty()) {
            blocks.add(new Paragraph(messages.get("advice.alternatives.none"), TextStyle.body()));
        } else {
            blocks.add(new Paragraph(messages.get("advice.alternatives.intro"), TextStyle.body()));
            blocks.add(alternatives(content, messages));
        }

        // 参考 items are advised on apart from the ministry's, and never enter the report request.
        if (!content.referenceImprovements().isEmpty()) {
            blocks.add(sections.heading("reference"));
            blocks.add(new Paragraph(messages.get("advice.reference.intro"), TextStyle.body()));
            blocks.add(improvements(content.referenceImprovements(), messages));
            targetNote(content.referenceImprovements(), messages).ifPresent(blocks::add);
        }

        blocks.add(sections.heading("goodPractice"));
        if (content.goodPractices().isEmpty()) {
            blocks.add(new Paragraph(messages.get("advice.goodPractice.none"), TextStyle.body()));
        }
        content.goodPractices().forEach(practice -> blocks.add(new Paragraph(messages.get("advice.goodPractice.item",
                practice.item().title().in(messages.language()), practice.note()), TextStyle.body())));

        if (!content.addOnConditions().isEmpty()) {
            blocks.add(sections.heading("feeAddOns"));
            for (AdviceContent.AddOnConditions conditions : content.addOnConditions()) {
                blocks.add(new Paragraph(messages.get("advice.feeAddOn.intro",
                        conditions.addOn().name().in(messages.language()), period(conditions.addOn().period(), messages)),
                        TextStyle.body()));
                // Information only: whether the facility meets a fee add-on's condition is the 地方厚生局's to judge.
                conditions.requirements().forEach(requirement -> blocks.add(new Paragraph(messages.get(
                        "advice.feeAddOn.requirement", requirement.text().in(messages.language())), TextStyle.body())));
            }
        }

        blocks.add(sections.heading("resources"));
        for (HelpResource resource : content.resources()) {
            blocks.add(new Paragraph(resource.title().in(messages.language()), TextStyle.bodyBold()));
            blocks.add(new Paragraph(resource.body().in(messages.language()), TextStyle.body()));
        }

        String report;
        if (content.improvements().isEmpty()) {
            report = messages.get("advice.reportNothing");
        } else if (content.settings().issuingAuthority().isBlank()) {
            report = messages.get("advice.reportNoIssuer", date(content.reportDue(), messages), improvementsSection);
        } else {
            report = messages.get("advice.report", date(content.reportDue(), messages), issuer, improvementsSection);
        }
        // The signatures acknowledge the request above them: never alone on a last page.
        blocks.add(new KeepTogether(List.of(sections.heading("report"),
                new Paragraph(report, TextStyle.body()), new Spacer(18),
                new SignatureLines(List.of(messages.get("advice.signature.explainer"),
                        messages.get("advice.signature.receiver")), messages.get("advice.signature.date")))));
        return blocks;
    }

    /** Numbers the sections in the order they are printed, since some are left out when they would be empty. */
    private static final class Sections {
        private final Messages messages;
        private int number;

        Sections(Messages messages) {
            this.messages = messages;
        }

        Heading heading(String key) {
            number++;
            return new Heading(messages.get("advice.section.numbered", number, messages.get("advice.section." + key)), 2);
        }

        int number() {
            return number;
        }
    }

    /**
     * The ministry's items, each with its one result: where the catalog asks an item in parts (3-②), the result is
     * made from them by the item's roll-up rule, and the parts are named.
     */
    private static Table ministryResults(AdviceContent content, Messages messages) {
        Optional<AdviceContent.Forms> forms = content.forms();
        List<List<String>> rows = new ArrayList<>();
        for (MinistryResult result : content.ministryResults()) {
            String wording = result.item().wording().in(messages.language());
            if (result.parts().size() > 1) {
                wording += "\n" + messages.get("advice.ministry.parts", result.parts().size());
            }
            String answer = answer(result.answer(), "advice.summary.unanswered", messages);
            if (forms.isEmpty()) {
                rows.add(List.of(result.item().number(), wording, answer));
                continue;
            }
            HospitalFormEntry entry = forms.get().entry(result.item().number());
            rows.add(List.of(result.item().number(), wording, hospitalEntry(entry, messages), answer,
                    messages.get("advice.forms.confirmation." + entry.confirmation().map(Enum::name).orElse("none"))));
        }
        if (forms.isEmpty()) {
            return new Table(List.of(new Column(messages.get("advice.ministry.number"), 1),
                    new Column(messages.get("advice.ministry.item"), 7),
                    new Column(messages.get("advice.ministry.result"), 1.6f)), rows);
        }
        // The hospital's entry holds its longest line whole (確認日 令和10年12月28日, "checked 28 Sep 2026"), the result
        // and the confirmation their longest word (代替措置 and 記入の確認; "Non-compliant" and "confirmed"), which in
        // English takes a third more of the width from the item's wording.
        boolean english = messages.language() == Language.EN;
        return new Table(List.of(new Column(messages.get("advice.ministry.number"), 0.95f),
                new Column(messages.get("advice.ministry.item"), english ? 3.05f : 4f),
                new Column(messages.get("advice.ministry.hospital"), 2.8f),
                new Column(messages.get("advice.ministry.result"), english ? 1.9f : 1.1f),
                new Column(messages.get("advice.ministry.confirmation"), english ? 1.45f : 1.25f)), rows);
    }

    /** An answer, the inspector's (適合 …) or the hospital's (はい, いいえ), or what {@code noneKey} says for none. */
    private static String answer(Optional<? extends Enum<?>> answer, String noneKey, Messages messages) {
        return answer.map(given -> messages.get("answer." + given.name())).orElse(messages.get(noneKey));
    }

    /** The hospital's row as its form has it: はい or いいえ, the day checked and the target date, a line each. */
    private static String hospitalEntry(HospitalFormEntry entry, Messages messages) {
        List<String> lines = new ArrayList<>();
        lines.add(answer(entry.answer(), "advice.forms.hospital.none", messages));
        entry.checkedOn().ifPresent(day -> lines.add(messages.get("advice.forms.hospital.checkedOn", date(day, messages))));
        entry.targetDate().ifPresent(day -> lines.add(messages.get("advice.forms.hospital.target", date(day, messages))));
        return String.join("\n", lines);
    }

    /**
     * The forms' section: the 相違 and 未確認 explained with what the hospital is asked to do, what its form lacks,
     * and each vendor contract's form.
     */
    private static List<Block> forms(AdviceContent content, AdviceContent.Forms forms, Messages messages) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(messages.get("advice.forms.intro"), TextStyle.body()));
        if (forms.differences().isEmpty() && forms.unconfirmed().isEmpty() && forms.omissions().isEmpty()
                && forms.allAgree(content.ministryResults())) {
            blocks.add(new Paragraph(messages.get("advice.forms.allAgree"), TextStyle.body()));
        }
        if (!forms.differences().isEmpty()) {
            blocks.add(new Heading(messages.get("advice.forms.differences"), Heading.SUBSECTION));
            forms.differences().forEach(note -> blocks.add(new Paragraph(confirmationNote(note, messages),
                    TextStyle.body())));
        }
        if (!forms.unconfirmed().isEmpty()) {
            blocks.add(new Heading(messages.get("advice.forms.unconfirmed"), Heading.SUBSECTION));
            forms.unconfirmed().forEach(note -> blocks.add(new Paragraph(confirmationNote(note, messages),
                    TextStyle.body())));
        }
        if (!forms.omissions().isEmpty()) {
            blocks.add(new Heading(messages.get("advice.forms.omissions"), Heading.SUBSECTION));
            if (forms.hospitalFormBlank()) {
                blocks.add(new Paragraph(messages.get("advice.forms.hospitalBlank"), TextStyle.body()));
            } else {
                blocks.add(new Paragraph(messages.get("advice.forms.omissions.intro"), TextStyle.body()));
                forms.omissions().forEach(omission -> blocks.add(new Paragraph(messages.get("advice.forms.line",
                        omission.ministryNumber(), omission.kinds().stream().map(kind -> messages.get(
                                "advice.forms.omission." + kind.name(),
                                omission.targetDate().map(day -> date(day, messages)).orElse(""),
                                date(omission.targetYearEnd(), messages)))
                                .collect(Collectors.joining(messages.get("advice.forms.sentences")))),
                        TextStyle.body())));
            }
        }
        blocks.add(new Heading(messages.get("advice.forms.vendors"), Heading.SUBSECTION));
        if (forms.vendorForms().isEmpty()) {
            blocks.add(new Paragraph(messages.get("advice.forms.vendors.none"), TextStyle.body()));
        } else {
            blocks.add(new Paragraph(messages.get("advice.forms.vendors.intro"), TextStyle.body()));
            blocks.add(vendorForms(forms.vendorForms(), messages));
        }
        return blocks;
    }

    /** A 相違 or 未確認 in plain words, with what the hospital is asked to do. */
    private static String confirmationNote(AdviceContent.ConfirmationNote note, Messages messages) {
        HospitalFormEntry entry = note.entry();
        String reason = reason(entry.confirmationReason(), messages);
        String hospital = answer(entry.answer(), "advice.forms.hospital.none", messages);
        String result = answer(note.result().answer(), "advice.summary.unanswered", messages);
        String key = switch (note.kind()) {
            case SAID_YES_NOT_MET -> "advice.forms.differs.saidYes";
            case SAID_NO_BUT_MET -> "advice.forms.differs.saidNo";
            case OTHER_DIFFERENCE -> "advice.forms.differs.other";
            case NOT_CONFIRMED -> "advice.forms.notConfirmed";
        };
        return messages.get(key, note.result().item().number(), reason, hospital, result);
    }

    /**
     * A recorded reason as the printout quotes it in parentheses, without the full stop it may end with; or that
     * none was recorded (a draft's).
     */
    private static String reason(String recorded, Messages messages) {
        String reason = recorded.strip().replaceFirst("[。．.]$", "");
        return reason.isEmpty() ? messages.get("advice.forms.reasonMissing") : reason;
    }

    /** Each vendor contract with its form's state and what the hospital is asked to do about it. */
    private static Table vendorForms(List<AdviceContent.VendorFormReport> reports, Messages messages) {
        List<List<String>> rows = new ArrayList<>();
        for (AdviceContent.VendorFormReport report : reports) {
            String contract = report.contract().system().isBlank() ? report.contract().vendorName()
                    : messages.get("advice.forms.vendors.contractValue", report.contract().vendorName(),
                            report.contract().system());
            String status;
            List<String> requests = new ArrayList<>();
            if (report.form().isEmpty()) {
                status = messages.get("advice.forms.vendors.unrecorded");
                requests.add(messages.get("advice.forms.vendors.unrecordedRequest"));
            } else if (report.form().get().status() == VendorForm.Status.MISSING) {
                VendorForm form = report.form().get();
                status = messages.get("advice.forms.vendors.missing");
                requests.add(messages.get("advice.forms.vendors.missingRequest", reason(form.missingReason(), messages)));
            } else {
                status = report.form().get().filledOn()
                        .map(day -> messages.get("advice.forms.vendors.received", date(day, messages)))
                        .orElse(messages.get("advice.forms.vendors.receivedUndated"));
                String separator = messages.get("advice.forms.numbers.separator");
                if (!report.answeredNo().isEmpty()) {
                    requests.add(messages.get("advice.forms.vendors.answeredNo", String.join(separator, report.answeredNo())));
                }
                report.omissions().forEach(kind -> requests.add(messages.get("advice.forms.vendors." + kind.name(),
                        String.join(separator, report.unanswered()))));
                if (!report.omissions().isEmpty()) {
                    requests.add(messages.get("advice.forms.vendors.askToComplete"));
                }
            }
            rows.add(List.of(contract, status, requests.isEmpty() ? messages.get("advice.forms.vendors.nothing")
                    : String.join(messages.get("advice.forms.sentences"), requests)));
        }
        // The state holds the longest date line whole (令和10年12月28日記入, "filled in 28 Sep 2026").
        return new Table(List.of(new Column(messages.get("advice.forms.vendors.contract"), 2.9f),
                new Column(messages.get("advice.forms.vendors.status"), 2.6f),
                new Column(messages.get("advice.forms.vendors.request"), 4.5f)), rows);
    }

    /** The days a rule is in force, as the printout states it with every statement about a fee add-on. */
    private static String period(Period period, Messages messages) {
        String from = date(period.from(), messages);
        return period.until().map(until -> messages.get("advice.feeAddOn.period", from, date(until, messages)))
                .orElseGet(() -> messages.get("advice.feeAddOn.periodOpen", from));
    }

    /** Says that a target date marked ※ lies after the year the ministry's form expects it within. */
    private static Optional<Block> targetNote(List<AdviceContent.Improvement> improvements, Messages messages) {
        return improvements.stream().filter(AdviceContent.Improvement::targetAfterYear).findFirst()
                .map(first -> new Paragraph(messages.get("advice.improvements.targetAfterYear"), TextStyle.small()));
    }

    private static Table overview(AdviceContent content, Messages messages) {
        String none = messages.get("advice.overview.none");
        List<String> attendees = content.inspection().attendees().stream()
                .map((Attendee attendee) -> messages.get("advice.overview.attendee", attendee.name(), attendee.role()))
                .toList();
        List<List<String>> rows = List.of(
                List.of(messages.get("advice.overview.facility"), content.facility().name()),
                List.of(messages.get("advice.overview.address"), content.facility().address()),
                List.of(messages.get("advice.overview.type"),
                        messages.get("advice.overview.typeValue",
                                messages.get("facilityType." + content.facility().type().id()),
                                content.facility().licensedBeds())),
                List.of(messages.get("advice.overview.date"), date(content.inspection().date(), messages)),
                List.of(messages.get("advice.overview.inspectors"), String.join("、", content.inspection().inspectors())),
                List.of(messages.get("advice.overview.attendees"), attendees.isEmpty() ? none : String.join("\n", attendees)),
                List.of(messages.get("advice.overview.catalog"), messages.get("advice.overview.catalogValue",
                        content.catalog().checklist().name().in(messages.language()),
                        content.catalog().title().in(messages.language()), content.catalog().version())));
        return new Table(List.of(new Column(messages.get("advice.overview.field"), 1.4f),
                new Column(messages.get("advice.overview.value"), 3)), rows);
    }

    /**
     * Section 2, the counts: a column per checkpoint and the total, whose rows add up down each column (項目数 =
     * 対象外 + 確認した項目, which are 適合 + 不適合 + 代替措置 + 該当なし, + 未回答 in a draft) and the total across.
     * Checkpoints are columns because the counts' names would not fit as columns in English.
     */
    private static Block summary(Heading heading, AdviceContent content, Messages messages) {
        List<AdviceContent.CheckpointSummary> summaries = content.summaries();
        List<Column> columns = new ArrayList<>();
        // Each checkpoint's column holds the longest word of the English titles ("arrangements").
        columns.add(new Column(messages.get("advice.summary.count"), 2));
        summaries.forEach(summary -> columns.add(new Column(summary.title().in(messages.language()), 1.8f)));
        columns.add(new Column(messages.get("advice.summary.total"), 1));
        Map<String, ToIntFunction<AdviceContent.CheckpointSummary>> answers = new LinkedHashMap<>();
        answers.put("compliant", AdviceContent.CheckpointSummary::compliant);
        answers.put("nonCompliant", AdviceContent.CheckpointSummary::nonCompliant);
        answers.put("alternative", AdviceContent.CheckpointSummary::alternative);
        answers.put("notApplicable", AdviceContent.CheckpointSummary::notApplicable);
        if (summaries.stream().anyMatch(summary -> summary.unanswered() > 0)) {
            answers.put("unanswered", AdviceContent.CheckpointSummary::unanswered);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(countRow(summaryLabel("items", messages), summaries, AdviceContent.CheckpointSummary::items));
        rows.add(countRow(summaryLabel("excluded", messages), summaries, AdviceContent.CheckpointSummary::excluded));
        rows.add(countRow(summaryLabel("applicable", messages), summaries, AdviceContent.CheckpointSummary::applicable));
        // Indented: the parts of the row above.
        answers.forEach((key, count) -> rows.add(countRow(INDENT + summaryLabel(key, messages), summaries, count)));
        String sum = answers.keySet().stream().map(key -> summaryLabel(key, messages))
                .collect(Collectors.joining(messages.get("advice.summary.plus")));
        String note = messages.get("advice.summary.note", summaryLabel("items", messages),
                summaryLabel("excluded", messages), summaryLabel("applicable", messages), sum,
                summaryLabel("notApplicable", messages));
        // The note says how to read the table: the section stays on one page.
        return new KeepTogether(List.of(heading, new Table(columns, rows),
                new Paragraph(note, TextStyle.small())));
    }

    private static String summaryLabel(String key, Messages messages) {
        return messages.get("advice.summary." + key);
    }

    private static List<String> countRow(String label, List<AdviceContent.CheckpointSummary> summaries,
            ToIntFunction<AdviceContent.CheckpointSummary> count) {
        List<String> row = new ArrayList<>();
        row.add(label);
        summaries.forEach(summary -> row.add(Integer.toString(count.applyAsInt(summary))));
        row.add(Integer.toString(summaries.stream().mapToInt(count).sum()));
        return row;
    }

    private static Table improvements(List<AdviceContent.Improvement> improvements, Messages messages) {
        List<List<String>> rows = new ArrayList<>();
        for (AdviceContent.Improvement improvement : improvements) {
            String target = improvement.targetDate().map(date -> date(date, messages))
                    .orElse(messages.get("advice.improvements.noTarget"));
            rows.add(List.of(Integer.toString(rows.size() + 1), item(improvement.item(), messages), improvement.found(),
                    improvement.advice(), improvement.targetAfterYear()
                            ? messages.get("advice.improvements.targetMarked", target) : target));
        }
        // The target date's column holds the longest date whole (令和10年12月28日): a date is never split.
        return new Table(List.of(new Column(messages.get("advice.improvements.number"), 0.7f),
                new Column(messages.get("advice.improvements.item"), 2),
                new Column(messages.get("advice.improvements.found"), 2),
                new Column(messages.get("advice.improvements.advice"), 3.2f),
                new Column(messages.get("advice.improvements.target"), 2.1f)), rows);
    }

    private static Table alternatives(AdviceContent content, Messages messages) {
        List<List<String>> rows = new ArrayList<>();
        for (AdviceContent.Alternative alternative : content.alternatives()) {
            rows.add(List.of(Integer.toString(rows.size() + 1), item(alternative.item(), messages),
                    alternative.measure()));
        }
        return new Table(List.of(new Column(messages.get("advice.improvements.number"), 0.7f),
                new Column(messages.get("advice.improvements.item"), 4),
                new Column(messages.get("advice.alternatives.measure"), 5.3f)), rows);
    }

    /**
     * An item as the tables name it: its title, and its place in the ministry's checklist on a line of its own (or
     * 参考).
     */
    private static String item(CatalogItem item, Messages messages) {
        return item.title().in(messages.language()) + "\n" + item.ministryItem().map(MinistryItem::label)
                .orElse(messages.get("advice.reference.label"));
    }

    private static PageFooter footer(AdviceContent content, Messages messages) {
        return new PageFooter(messages.get(content.draft() ? "advice.footerDraft" : "advice.footer",
                InspectionIds.printed(content.inspection().id()), content.inspection().revision(), content.fingerprint()));
    }

    /** Document metadata derived from the record, so the same record gives the same bytes. */
    private static DocumentInfo info(AdviceContent content, Messages messages) {
        long documentId = Long.parseUnsignedLong(content.fingerprint().replace("-", ""), 16);
        return new DocumentInfo(messages.get(content.draft() ? "advice.draftTitle" : "advice.title") + " — "
                        + content.facility().name(),
                content.settings().issuingAuthority(), content.inspection().id(),
                content.documentDate().atStartOfDay().toInstant(ZoneOffset.ofHours(9)), documentId);
    }

    /** A date as the office's documents print it: in the imperial era in Japanese, as the screens do in English. */
    public static String date(LocalDate date, Messages messages) {
        return messages.language() == Language.JA
                ? JAPANESE_DATE.format(JapaneseDate.from(date))
                : DateText.format(date, messages.language());
    }
}
