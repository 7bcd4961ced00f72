package jp.tachiiri.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tachiiri role [inspector|office]}: what this installation is for, which decides the bundles it takes
 * (an office findings, a tablet assignments). Chosen once, as on the app's first start, and never changed.
 */
@Command(name = "role")
final class RoleCommand extends Subcommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "inspector|office", descriptionKey = "roleChoice")
    private String choice;

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            Optional<Role> current = workspace.settings().role();
            if (choice != null) {
                Role wanted = switch (choice) {
                    case "inspector", "office" -> Role.fromCode(choice);
                    default -> throw new UserFacingException("cli.role.bad", choice);
                };
                if (current.isPresent() && current.get() != wanted) {
                    throw new UserFacingException("cli.role.fixed", messages().get("role." + current.get().code()));
                }
                workspace.settings().setRole(wanted);
                current = Optional.of(wanted);
            }
            out().println(current.map(role -> messages().get("cli.role.is", messages().get("role." + role.code())))
                    .orElseGet(() -> messages().get("cli.role.none")));
            return 0;
        }
    }
}
