package jp.tachiiri.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.audit.BrokenLink;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.followup.Assessment;
import jp.tachiiri.followup.FindingToFollow;
import jp.tachiiri.followup.FollowUpCase;
import jp.tachiiri.followup.FollowUpList;
import jp.tachiiri.followup.FollowUpService;
import jp.tachiiri.followup.ReminderLetter;
import jp.tachiiri.i18n.DateText;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.AuditEvent;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tachiiri followup}: the office's follow-up of findings until they are closed. {@code list} shows what is
 * open (one finding per line, then the counts), {@code record} the arrival of a hospital's improvement report,
 * {@code assess} what the hospital did for one finding and the office's assessment, with its evidence files,
 * {@code letter} the reminder letter (PDF) to a hospital whose report is overdue or whose findings are past their date.
 */
@Command(name = "followup", subcommands = {FollowUpCommand.ListOpen.class, FollowUpCommand.Record.class,
        FollowUpCommand.Assess.class, FollowUpCommand.History.class, FollowUpCommand.Letter.class})
final class FollowUpCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return new ListOpen().listWith(this);
    }

    /** Which inspection: its id, or the newest with findings to follow of a facility, by code. */
    static final class Which {
        @Option(names = "--inspection", paramLabel = "ID", descriptionKey = "inspectionId")
        String inspectionId;

        @Option(names = "--facility", paramLabel = "CODE", descriptionKey = "followup.facilityCode")
        String facilityCode;

        FollowUpCase find(FollowUpService followUp) {
            return inspectionId != null ? followUp.find(inspectionId) : followUp.findByFacility(facilityCode);
        }
    }

    @Command(name = "list")
    static final class ListOpen extends Subcommand implements Callable<Integer> {

        @Option(names = "--overdue", descriptionKey = "followup.overdue")
        boolean overdue;

        @Option(names = "--all", descriptionKey = "followup.all")
        boolean all;

        @Option(names = "--reference", descriptionKey = "followup.reference")
        boolean reference;

        @Option(names = "--on", paramLabel = "YYYY-MM-DD", descriptionKey = "followup.on")
        String on;

        @Option(names = "--facility", paramLabel = "TEXT", descriptionKey = "followup.listFacility")
        String facility = "";

        @Option(names = "--item", paramLabel = "ITEM", descriptionKey = "followup.listItem")
        String item = "";

        @Option(names = "--csv", paramLabel = "FILE.csv", descriptionKey = "followup.csv")
        Path csv;

        @Override
        public Integer call() {
            return listWith(this);
        }

        /** Lists as {@code command} asked (the defaults when {@code followup} is run alone). */
        int listWith(Subcommand command) {
            try (Workspace workspace = command.root().openWorkspace()) {
                FollowUpService followUp = workspace.followUp();
                LocalDate today = on == null ? followUp.today() : DateText.parseRequired(on, "followup.on.field");
                FollowUpList.Show show = overdue ? FollowUpList.Show.OVERDUE
                        : all ? FollowUpList.Show.ALL : FollowUpList.Show.OPEN;
                FollowUpList list = FollowUpList.of(followUp.cases(), today,
                        new FollowUpList.Filter(show, reference, Optional.empty(), item, facility));
                for (FollowUpList.Row row : list.rows()) {
                    command.out().println(line(row, command));
                }
                FollowUpList.Counts counts = list.counts();
                command.out().println(command.messages().get("cli.followup.counts", today, counts.reportsOverdue(),
                        counts.pastTarget(), counts.open(), counts.closed()));
                if (csv != null) {
                    int rows = list.writeCsv(csv, command.messages());
                    command.out().println(command.messages().get("cli.followup.csvWritten", rows - 1, csv));
                }
                return 0;
            }
        }

        private static String line(FollowUpList.Row row, Subcommand command) {
            FollowUpCase followed = row.followed();
            FindingToFollow finding = row.finding();
            String state = finding.followUp().map(item -> command.messages().get(item.assessment().messageKey()))
                    .orElse(command.messages().get("followup.assessment.none"));
            List<String> flags = new ArrayList<>();
            if (row.reportOverdue()) {
                flags.add(command.messages().get("cli.followup.reportOverdue", followed.reportDue()));
            }
            if (row.pastTarget()) {
                flags.add(command.messages().get("cli.followup.pastTarget", row.daysPastTarget()));
            }
            return String.join("\t", followed.facilityCode(), followed.facilityName(),
                    followed.inspectionDate().toString(), finding.reference()
                            ? command.messages().get("cli.followup.referenceItem", finding.itemId()) : finding.itemId(), state,
                    finding.effectiveTarget().map(LocalDate::toString).orElse("-"), String.join(" ", flags), followed.inspectionId());
        }
    }

    /** Every change to one inspection's follow-up, oldest first, one per line, then whether its chain holds. */
    @Command(name = "history")
    static final class History extends Subcommand implements Callable<Integer> {

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Override
        public Integer call() {
            try (Workspace workspace = root().openWorkspace()) {
                FollowUpCase followed = which.find(workspace.followUp());
                ChainVerifier.Trail trail = workspace.followUp().verifiedTrail(followed.inspectionId());
                for (AuditEvent event : trail.events()) {
                    out().println(String.join("\t", Long.toString(event.sequence()), event.at().toString(), event.actor(),
                            event.action(), Objects.toString(event.subject(), ""), Objects.toString(event.oldValue(), ""),
                            Objects.toString(event.newValue(), "")));
                }
                if (trail.broken().isPresent()) {
                    BrokenLink link = trail.broken().get();
                    err().println(messages().get("cli.audit.broken", messages().get("backup.trail.FOLLOW_UP"),
                            followed.inspectionId(), link.sequence(), Objects.toString(link.eventId(), "-"),
                            messages().get(link.problemKey())));
                    return 1;
                }
                out().println(messages().get("cli.followup.historyIntact", followed.facilityName(),
                        followed.inspectionDate()));
                return 0;
            }
        }
    }

    @Command(name = "record")
    static final class Record extends Subcommand implements Callable<Integer> {

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Option(names = "--received", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "followup.received")
        String received;

        @Option(names = "--contact", required = true, paramLabel = "NAME", descriptionKey = "followup.contact")
        String contact;

        @Option(names = "--contact-role", paramLabel = "ROLE", descriptionKey = "followup.contactRole")
        String contactRole = "";

        @Override
        public Integer call() {
            try (Workspace workspace = root().openWorkspace()) {
                FollowUpCase followed = which.find(workspace.followUp());
                LocalDate receivedOn = DateText.parseRequired(received, "followup.field.receivedOn");
                workspace.followUp().recordReport(followed.inspectionId(), receivedOn, contact, contactRole,
                        workspace.actor());
                out().println(messages().get("cli.followup.recorded", followed.facilityName(), followed.inspectionDate(),
                        receivedOn));
                return 0;
            }
        }
    }

    @Command(name = "assess")
    static final class Assess extends Subcommand implements Callable<Integer> {

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Option(names = "--item", required = true, paramLabel = "ITEM", descriptionKey = "followup.item")
        String itemId;

        @Option(names = "--assessment", required = true, paramLabel = "closed|in-progress|not-done",
                descriptionKey = "followup.assessment")
        String assessment;

        @Option(names = "--action", paramLabel = "TEXT", descriptionKey = "followup.action")
        String action = "";

        @Option(names = "--done-on", paramLabel = "YYYY-MM-DD", descriptionKey = "followup.doneOn")
        String doneOn;

        @Option(names = "--new-target", paramLabel = "YYYY-MM-DD", descriptionKey = "followup.newTarget")
        String newTarget;

        @Option(names = "--evidence", paramLabel = "FILE", descriptionKey = "followup.evidence")
        List<Path> evidence = List.of();

        @Override
        public Integer call() {
            try (Workspace workspace = root().openWorkspace()) {
                FollowUpService followUp = workspace.followUp();
                FollowUpCase followed = which.find(followUp);
                Assessment chosen = switch (assessment) {
                    case "closed" -> Assessment.CLOSED;
                    case "in-progress" -> Assessment.IN_PROGRESS;
                    case "not-done" -> Assessment.NOT_DONE;
                    default -> throw new UserFacingException("cli.followup.unknownAssessment", assessment);
                };
                followUp.assess(followed.inspectionId(), itemId, action,
                        Optional.ofNullable(doneOn).map(typed -> DateText.parseRequired(typed, "followup.field.doneOn")),
                        chosen, Optional.ofNullable(newTarget).map(typed -> DateText.parseRequired(typed, "followup.field.newTarget")),
                        evidence, workspace.actor());
                out().println(messages().get("cli.followup.assessed", itemId, followed.facilityName(),
                        messages().get(chosen.messageKey()), evidence.size()));
                return 0;
            }
        }
    }

    @Command(name = "letter")
    static final class Letter extends Subcommand implements Callable<Integer> {

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        @Option(names = "--out", required = true, paramLabel = "FILE.pdf", descriptionKey = "outPdf")
        Path out;

        @Option(names = "--on", paramLabel = "YYYY-MM-DD", descriptionKey = "followup.letter.on")
        String on;

        @Override
        public Integer call() {
            try (Workspace workspace = root().openWorkspace()) {
                FollowUpService followUp = workspace.followUp();
                FollowUpCase followed = which.find(followUp);
                LocalDate letterDate = on == null ? followUp.today()
                        : DateText.parseRequired(on, "followup.letter.on.field");
                ReminderLetter letter = followUp.writeReminderLetter(followed.inspectionId(), letterDate,
                        root().language(), out, workspace.actor());
                out().println(messages().get("cli.followup.letterWritten", followed.facilityName(), letter.open().size(),
                        letter.newDue(), out.toAbsolutePath()));
                return 0;
            }
        }
    }
}
