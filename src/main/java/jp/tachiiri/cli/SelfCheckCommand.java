package jp.tachiiri.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.DateText;
import jp.tachiiri.selfcheck.intake.FileOutcome;
import jp.tachiiri.selfcheck.intake.Imported;
import jp.tachiiri.workbook.WorkbookRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tachiiri selfcheck workbook (--plan ID | --from DATE --to DATE) --out FOLDER}: the self-check workbooks the
 * office sends each planned hospital; {@code tachiiri selfcheck import FILE_OR_FOLDER…}: filled ones taken into the
 * plans' self-checks, one line per file, exit 1 if any was refused.
 */
@Command(name = "selfcheck", subcommands = {SelfCheckCommand.Workbook.class, SelfCheckCommand.Import.class})
final class SelfCheckCommand {

    @Command(name = "workbook")
    static final class Workbook extends Subcommand implements Callable<Integer> {

        @ArgGroup(exclusive = true, multiplicity = "1")
        private Which which;

        @Option(names = "--out", required = true, paramLabel = "FOLDER", descriptionKey = "workbookFolder")
        private Path folder;

        /** One plan, or every plan of a period. */
        static final class Which {
            @Option(names = "--plan", required = true, paramLabel = "ID", descriptionKey = "planId")
            private String planId;

            @ArgGroup(exclusive = false)
            private Period period;
        }

        static final class Period {
            /** Read as every date field reads it ({@link DateText}). */
            @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "periodFrom")
            private String from;

            @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", descriptionKey = "periodTo")
            private String to;
        }

        @Override
        public Integer call() {
            try (Workspace workspace = root().openWorkspace()) {
                if (which.planId != null) {
                    workspace.planWorkbooks().write(which.planId, folder).forEach(file -> out().println(file));
                    return 0;
                }
                LocalDate from = DateText.parseRequired(which.period.from, "selfCheck.period.from");
                LocalDate to = DateText.parseRequired(which.period.to, "selfCheck.period.to");
                Map<WorkbookRequest, List<Path>> written = workspace.planWorkbooks().writePeriod(from, to, folder);
                if (written.isEmpty()) {
                    out().println(messages().get("cli.selfcheck.noPlans", DateText.format(from, messages().language()),
                            DateText.format(to, messages().language())));
                }
                written.forEach((request, files) -> {
                    out().println(messages().get("cli.selfcheck.plan", request.facility().name(),
                            DateText.format(request.plan().date(), messages().language()), request.plan().id()));
                    files.forEach(file -> out().println("  " + file));
                });
                return 0;
            }
        }
    }

    @Command(name = "import")
    static final class Import extends Subcommand implements Callable<Integer> {

        @Parameters(paramLabel = "FILE_OR_FOLDER", arity = "1..*", descriptionKey = "workbookFiles")
        private List<Path> paths;

        @Override
        public Integer call() {
            try (Workspace workspace = root().openWorkspace()) {
                List<FileOutcome> outcomes = workspace.planWorkbooks().importAll(paths, workspace.actor());
                for (FileOutcome outcome : outcomes) {
                    if (outcome.accepted()) {
                        Imported imported = outcome.imported().orElseThrow();
                        out().println(messages().get("cli.selfcheck.accepted." + imported.outcome().name(),
                                outcome.file().getFileName(), imported.request().facility().name(),
                                imported.request().plan().id(), imported.changedFields()));
                    } else {
                        err().println(messages().get("cli.selfcheck.refused", outcome.file().getFileName(),
                                outcome.refusal().orElseThrow().localizedMessage(messages().language())));
                    }
                }
                if (outcomes.isEmpty()) {
                    out().println(messages().get("cli.selfcheck.none"));
                }
                return outcomes.stream().allMatch(FileOutcome::accepted) ? 0 : 1;
            }
        }
    }
}
