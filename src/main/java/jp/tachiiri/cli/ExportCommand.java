package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tachiiri export --out FOLDER}: one findings bundle with everything the office has not confirmed. */
@Command(name = "export")
final class ExportCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FOLDER", descriptionKey = "outFolder")
    private Path out;

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            Optional<Path> written = workspace.sync().exportFindings(out);
            out().println(written.map(bundle -> bundle.toAbsolutePath().toString())
                    .orElseGet(() -> messages().get("cli.export.nothing")));
            return 0;
        }
    }
}
