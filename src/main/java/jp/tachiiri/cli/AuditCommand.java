package jp.tachiiri.cli;

import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.audit.BrokenLink;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.i18n.Messages;
import picocli.CommandLine.Command;

/**
 * {@code tachiiri audit verify}: checks every inspection's audit chain and the trail of decisions about devices;
 * exit 1 if any link is broken.
 */
@Command(name = "audit", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @Command(name = "verify")
    static final class Verify extends Subcommand implements Callable<Integer> {

        @Override
        public Integer call() {
            Messages messages = messages();
            try (Workspace workspace = root().openWorkspace()) {
                ChainVerifier.Report report = workspace.chainVerifier().verifyAll();
                for (BrokenLink link : report.broken()) {
                    err().println(messages.get("cli.audit.broken", link.inspectionId(), link.sequence(),
                            link.eventId() == null ? "-" : link.eventId(), messages.get(link.problemKey())));
                }
                ChainVerifier.Trail devices = workspace.deviceTrust().trail();
                devices.broken().ifPresent(link -> err().println(messages.get("cli.audit.brokenDevices", link.sequence(),
                        link.eventId() == null ? "-" : link.eventId(), messages.get(link.problemKey()))));
                if (!report.ok() || devices.broken().isPresent()) {
                    return 1;
                }
                out().println(messages.get("cli.audit.ok", report.chains(), report.events(), devices.events().size()));
                return 0;
            }
        }
    }
}
