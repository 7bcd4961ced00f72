package jp.tachiiri.cli;

import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import picocli.CommandLine.Command;

/** {@code tachiiri demo}: adds the fictitious demo prefecture to the data folder, once. */
@Command(name = "demo")
final class DemoCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            boolean added = workspace.demo().seed();
            out().println(messages().get(added ? "cli.demo.added" : "cli.demo.present", workspace.folder()));
            return 0;
        }
    }
}
