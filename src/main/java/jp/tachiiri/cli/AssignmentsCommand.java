package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tachiiri assignments --out FOLDER [--inspector ID] [--to DEVICE]…}: the office's bundle for the tablets, sealed
 * to the tablets named (or to every enrolled tablet whose encryption key is known).
 */
@Command(name = "assignments")
final class AssignmentsCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--out", required = true, paramLabel = "FOLDER", descriptionKey = "outFolder")
    private Path out;

    @Option(names = "--inspector", paramLabel = "ID", descriptionKey = "inspectorId")
    private String inspector;

    @Option(names = "--to", paramLabel = "DEVICE", descriptionKey = "recipientDevice")
    private List<String> recipients = new ArrayList<>();

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            out().println(workspace.sync().exportAssignments(out, Optional.ofNullable(inspector), recipients).toAbsolutePath());
            return 0;
        }
    }
}
