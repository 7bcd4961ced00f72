package jp.tachiiri.cli;

import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.audit.BrokenLink;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.i18n.Messages;
import picocli.CommandLine.Command;

/**
 * {@code tachiiri audit verify}: checks every hash chain of every trail (each inspection's record, the office's review
 * of it, the decisions about devices, each plan's self-check, each inspection's follow-up); exit 1 if any link is
 * broken, naming the trail, whose chain and the event.
 */
@Command(name = "audit", subcommands = AuditCommand.Verify.class)
final class AuditCommand {

    @Command(name = "verify")
    static final class Verify extends Subcommand implements Callable<Integer> {

        private static final String INSPECTIONS = "INSPECTION";

        /** The first broken link of a chain, with the trail it belongs to and whose chain it is. */
        private static String describe(ChainVerifier.BrokenChain broken, Messages messages) {
            BrokenLink link = broken.link();
            return messages.get("cli.audit.broken", messages.get("backup.trail." + broken.trail()), link.inspectionId(),
                    link.sequence(), link.eventId() == null ? "-" : link.eventId(), messages.get(link.problemKey()));
        }

        @Override
        public Integer call() {
            Messages messages = messages();
            try (Workspace workspace = root().openWorkspace()) {
                // Every trail: the inspections', the review's, the device decisions', the plans' self-checks' and
                // the follow-up's.
                ChainVerifier.Everything all = workspace.chainVerifier().verifyEverything();
                for (ChainVerifier.BrokenChain broken : all.broken()) {
                    err().println(describe(broken, messages));
                }
                if (!all.ok()) {
                    return 1;
                }
                out().println(messages.get("cli.audit.ok", all.chains().getOrDefault(INSPECTIONS, 0),
                        all.chains().values().stream().mapToInt(Integer::intValue).sum(), all.events()));
                return 0;
            }
        }
    }
}
