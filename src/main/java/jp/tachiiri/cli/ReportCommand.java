package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.FiscalYear;
import jp.tachiiri.report.CsvReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tachiiri report csv --year FY --out FILE}: a fiscal year's findings as CSV for the ministry and Excel. */
@Command(name = "report", subcommands = ReportCommand.Csv.class)
final class ReportCommand {

    @Command(name = "csv")
    static final class Csv extends Subcommand implements Callable<Integer> {

        @Option(names = "--year", required = true, paramLabel = "FY", descriptionKey = "fiscalYear")
        private int year;

        @Option(names = "--out", required = true, paramLabel = "FILE", descriptionKey = "outCsv")
        private Path out;

        @Override
        public Integer call() {
            try (Workspace workspace = root().openWorkspace()) {
                CsvReport.Result result = workspace.csvReport().write(year, out);
                out().println(messages().get("cli.report.written", new FiscalYear(year).eraLabel(messages().language()),
                        Integer.toString(year), result.inspections(), result.rows(), result.file().toAbsolutePath()));
                return 0;
            }
        }
    }
}
