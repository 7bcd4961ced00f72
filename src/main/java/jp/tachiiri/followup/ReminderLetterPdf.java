package jp.tachiiri.followup;

import static jp.tachiiri.advice.AdvicePdf.date;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.tachiiri.i18n.Messages;
import jp.tachiiri.model.InspectionIds;
import jp.tachiiri.model.Language;
import jp.tachiiri.pdf.Alignment;
import jp.tachiiri.pdf.Block;
import jp.tachiiri.pdf.Column;
import jp.tachiiri.pdf.DocumentInfo;
import jp.tachiiri.pdf.Heading;
import jp.tachiiri.pdf.PageFooter;
import jp.tachiiri.pdf.Paragraph;
import jp.tachiiri.pdf.PdfDocumentWriter;
import jp.tachiiri.pdf.Spacer;
import jp.tachiiri.pdf.Table;
import jp.tachiiri.pdf.TextStyle;

/**
 * Lays a reminder letter out as the advice printout is laid out (same engine, fonts, dates in the imperial era, the
 * addressee and issuer in the same places), as a Japanese official letter runs: the facts, the request, 記, the
 * table of open findings, 以上.
 */
final class ReminderLetterPdf {

    private final PdfDocumentWriter writer = new PdfDocumentWriter();

    /** Writes the PDF atomically (temporary file, fsync, rename). */
    void write(ReminderLetter letter, Language language, Path out) {
        Messages messages = Messages.of(language);
        writer.write(blocks(letter, messages), footer(letter, messages), info(letter, messages), out);
    }

    private static List<Block> blocks(ReminderLetter letter, Messages messages) {
        FollowUpCase followed = letter.followed();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Heading(messages.get("followup.letter.title"), Heading.TITLE));
        String issuer = letter.issuingAuthority().isEmpty()
                ? messages.get("advice.issuerMissing") : letter.issuingAuthority();
        blocks.add(new Paragraph(date(letter.letterDate(), messages) + "\n" + issuer,
                TextStyle.body().aligned(Alignment.RIGHT)));
        blocks.add(new Paragraph(messages.get("advice.addressee", followed.facilityName()), TextStyle.bodyBold()));
        String since = switch (letter.reason()) {
            case REPORT_OVERDUE -> date(followed.reportDue(), messages);
            case PAST_TARGET -> date(followed.report().orElseThrow().receivedOn(), messages);
        };
        blocks.add(new Paragraph(messages.get("followup.letter.intro." + letter.reason().name(),
                date(followed.inspectionDate(), messages), since, date(letter.letterDate(), messages))));
        String newDue = date(letter.newDue(), messages);
        blocks.add(new Paragraph(letter.issuingAuthority().isEmpty()
                ? messages.get("followup.letter.requestNoIssuer", newDue)
                : messages.get("followup.letter.request", newDue, issuer)));
        if (letter.reason() == ReminderLetter.Reason.REPORT_OVERDUE) {
            blocks.add(new Paragraph(messages.get("followup.letter.crossing")));
        }
        blocks.add(new Spacer(6));
        blocks.add(new Paragraph(messages.get("followup.letter.record"), TextStyle.body().aligned(Alignment.CENTER)));
        blocks.add(openFindings(letter, messages));
        if (letter.open().stream().anyMatch(FindingToFollow::reference)) {
            blocks.add(new Paragraph(messages.get("followup.letter.referenceNote"), TextStyle.small()));
        }
        blocks.add(new Paragraph(messages.get("followup.letter.end"), TextStyle.body().aligned(Alignment.RIGHT)));
        return blocks;
    }

    /**
     * One row per open finding: its title (and 参考 under it), the target date the inspection gave, the new one agreed
     * for a finding 対応中 (a column only when one is: before the report none can be), and where it stands, with
     * whether its date has passed on the letter's day.
     */
    private static Table openFindings(ReminderLetter letter, Messages messages) {
        boolean newTargets = letter.open().stream()
                .anyMatch(finding -> finding.followUp().flatMap(ItemFollowUp::newTargetDate).isPresent());
        List<List<String>> rows = new ArrayList<>();
        for (FindingToFollow finding : letter.open()) {
            String title = finding.title().in(messages.language());
            Optional<ItemFollowUp> followUp = finding.followUp();
            String state = followUp.map(item -> messages.get(item.assessment().messageKey()))
                    .orElse(messages.get("followup.assessment.none"));
            if (finding.pastTarget(letter.letterDate())) {
                state += "\n" + messages.get("followup.letter.pastTarget");
            }
            List<String> row = new ArrayList<>(List.of(Integer.toString(rows.size() + 1),
                    finding.reference() ? title + "\n" + messages.get("advice.reference.label") : title,
                    finding.targetDate().map(day -> date(day, messages))
                            .orElse(messages.get("advice.improvements.noTarget"))));
            if (newTargets) {
                row.add(followUp.flatMap(ItemFollowUp::newTargetDate).map(day -> date(day, messages))
                        .orElse(messages.get("followup.letter.none")));
            }
            row.add(state);
            rows.add(row);
        }
        // A date column holds the longest date whole (令和10年12月28日), as the advice printout's does: never split.
        List<Column> columns = new ArrayList<>(List.of(new Column(messages.get("followup.letter.number"), 0.7f),
                new Column(messages.get("followup.letter.item"), 3.9f),
                new Column(messages.get("followup.letter.target"), 2.3f)));
        if (newTargets) {
            columns.add(new Column(messages.get("followup.letter.newTarget"), 2.3f));
        }
        columns.add(new Column(messages.get("followup.letter.state"), 2.0f));
        return new Table(columns, rows);
    }

    /** Which inspection and revision the letter is about, as the advice printout's footer names them. */
    private static PageFooter footer(ReminderLetter letter, Messages messages) {
        FollowUpCase followed = letter.followed();
        return new PageFooter(messages.get("followup.letter.footer", InspectionIds.printed(followed.inspectionId()),
                followed.revision(), date(letter.letterDate(), messages)));
    }

    /** Document metadata derived from the letter, so that the same letter gives the same bytes. */
    private static DocumentInfo info(ReminderLetter letter, Messages messages) {
        FollowUpCase followed = letter.followed();
        return new DocumentInfo(messages.get("followup.letter.title") + " — " + followed.facilityName(),
                letter.issuingAuthority(), followed.inspectionId(),
                letter.letterDate().atStartOfDay().toInstant(ZoneOffset.ofHours(9)), documentId(letter, messages));
    }

    /** The first 8 bytes of a SHA-256 of what the letter states: another letter has another /ID. */
    private static long documentId(ReminderLetter letter, Messages messages) {
        StringBuilder stated = new StringBuilder(String.join("\n", letter.followed().inspectionId(),
                Integer.toString(letter.followed().revision()), letter.letterDate().toString(),
                letter.newDue().toString(), letter.issuingAuthority(), letter.reason().name(),
                messages.language().code()));
        letter.open().forEach(finding -> stated.append('\n').append(finding.itemId()).append(' ')
                .append(finding.followUp().map(item -> item.assessment() + " " + item.newTargetDate()).orElse("")));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(stated.toString().getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
