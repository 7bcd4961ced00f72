package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tachiiri advice --inspection ID --out FILE.pdf [--revision N]}: writes the advice printout of an
 * inspection (a marked draft while it is in progress) in the language of {@code --lang}.
 */
@Command(name = "advice")
final class AdviceCommand extends Subcommand implements Callable<Integer> {

    @Option(names = "--inspection", required = true, paramLabel = "ID", descriptionKey = "inspectionId")
    private String inspectionId;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf", descriptionKey = "outPdf")
    private Path out;

    @Option(names = "--revision", paramLabel = "N", descriptionKey = "revision")
    private Integer revision;

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            workspace.advice().writePdf(inspectionId, Optional.ofNullable(revision), workspace.settings().advice(),
                    root().language(), out);
            out().println(messages().get("cli.advice.written", out.toAbsolutePath()));
            return 0;
        }
    }
}
