package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.sync.ImportOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tachiiri import [--trust-new-devices] FILE_OR_FOLDER…}: one line per file; exit 1 if any was rejected,
 * else 3 if any waits for its device to be enrolled, else 0.
 */
@Command(name = "import")
final class ImportCommand extends Subcommand implements Callable<Integer> {

    static final int PENDING_ENROLMENT = 3;

    @Option(names = "--trust-new-devices", descriptionKey = "trustNewDevices")
    private boolean trustNewDevices;

    @Parameters(paramLabel = "FILE_OR_FOLDER", arity = "1..*", descriptionKey = "bundleFiles")
    private List<Path> paths;

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            List<ImportOutcome> outcomes = workspace.sync().importAll(paths, trustNewDevices);
            for (ImportOutcome outcome : outcomes) {
                (outcome.result() == ImportOutcome.Result.REJECTED ? err() : out()).println(outcome.describe(messages()));
            }
            if (outcomes.isEmpty()) {
                out().println(messages().get("cli.import.none"));
            }
            return ImportOutcome.exitCode(outcomes);
        }
    }
}
