package jp.tachiiri.cli;

import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.model.Role;
import picocli.CommandLine.Command;

/**
 * {@code tachiiri demo}: adds the fictitious demo prefecture to the data folder, once: an inspector's demo inspections,
 * or on an office's data folder the office's demo (as its first start would).
 */
@Command(name = "demo")
final class DemoCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            // An office's demo is its own: the facility master, the demo tablet's findings in its inbox, the follow-up.
            boolean added = workspace.settings().role().filter(role -> role == Role.OFFICE).isPresent()
                    ? workspace.demo().seedOffice() : workspace.demo().seed();
            out().println(messages().get(added ? "cli.demo.added" : "cli.demo.present", workspace.folder()));
            return 0;
        }
    }
}
