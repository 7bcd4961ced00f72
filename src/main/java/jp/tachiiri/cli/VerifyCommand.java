package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.sync.FingerprintCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tachiiri verify FILE}: what a bundle holds, after checking its schema, hashes and signature. */
@Command(name = "verify")
final class VerifyCommand extends Subcommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", descriptionKey = "bundleFile")
    private Path file;

    @Override
    public Integer call() {
        try (BundleReader reader = BundleReader.open(file)) {
            reader.readAttachments(null);
            BundleHeader header = reader.header();
            out().println(messages().get("cli.verify.header", file.getFileName(), messages().get("bundle.kind." + header.kind().wireName()),
                    header.bundleId(), header.createdAt()));
            // In part only: whoever accepts this sender must read its fingerprint off the sender's own screen.
            out().println(messages().get("cli.verify.device", header.deviceId(), FingerprintCheck.masked(header.fingerprint())));
            if (header.kind() == BundleKind.FINDINGS) {
                BundleRecords.FindingsPayload payload = reader.payload(BundleRecords.FindingsPayload.class);
                for (BundleRecords.Inspection inspection : payload.inspections()) {
                    BundleRecords.Revision latest = inspection.latest();
                    out().println(messages().get("cli.verify.inspection", inspection.id(), latest.facility().name(),
                            latest.inspectionDate(), latest.revision(), latest.findings().size(), latest.evidence().size()));
                }
            } else {
                BundleRecords.AssignmentsPayload payload = reader.payload(BundleRecords.AssignmentsPayload.class);
                out().println(messages().get("cli.verify.assignments", payload.catalogs().size(), payload.facilities().size(),
                        payload.assignments().size(), payload.previousInspections().size(), payload.reviews().size(),
                        payload.receipts().size(), payload.sequence(), payload.inspector() == null
                                ? messages().get("cli.verify.everyInspector")
                                : messages().get("cli.verify.oneInspector", payload.inspector())));
            }
            long bytes = reader.manifest().stream().mapToLong(BundleRecords.ManifestEntry::size).sum();
            out().println(messages().get("cli.verify.ok", reader.manifest().size(), bytes));
            return 0;
        }
    }
}
