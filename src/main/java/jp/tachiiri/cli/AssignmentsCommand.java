package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tachiiri assignments --out FOLDER [--inspector ID]}: the office's bundle for the tablets. */
@Command(name = "assignments")
final class AssignmentsCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FOLDER", descriptionKey = "outFolder")
    private Path out;

    @Option(names = "--inspector", paramLabel = "ID", descriptionKey = "inspectorId")
    private String inspector;

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            out().println(workspace.sync().exportAssignments(out, Optional.ofNullable(inspector)).toAbsolutePath());
            return 0;
        }
    }
}
