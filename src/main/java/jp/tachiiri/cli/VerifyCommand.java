package jp.tachiiri.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.bundle.BundleRecords;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.bundle.SealedEnvelope;
import jp.tachiiri.sync.FingerprintCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tachiiri verify FILE}: what a bundle holds, after checking its schema, hashes and signature. A sealed bundle
 * is opened with the data folder's key when it is addressed to it; otherwise only its envelope can be told: who sent
 * it, to whom, and that its content is encrypted (exit code {@value #SEALED_FOR_OTHERS}).
 */
@Command(name = "verify")
final class VerifyCommand extends Subcommand implements Callable<Integer> {

    /** The content is sealed to others than this data folder: the envelope is all that could be read. */
    static final int SEALED_FOR_OTHERS = 4;

    @Parameters(paramLabel = "FILE", descriptionKey = "bundleFile")
    private Path file;

    @Override
    public Integer call() {
        Optional<SealedEnvelope> envelope = BundleReader.envelope(file);
        if (envelope.isEmpty()) {
            return verify(null);
        }
        // Opened only when the data folder exists: verifying makes no data folder where there was none.
        if (!Files.exists(root().dataFolder().resolve(Workspace.DATABASE_FILE))) {
            return envelopeOnly(envelope.get(), null);
        }
        try (Workspace workspace = root().openWorkspace()) {
            DeviceIdentity self = workspace.sync().identity();
            if (!envelope.get().recipientFingerprints().contains(self.fingerprint())) {
                return envelopeOnly(envelope.get(), self);
            }
            return verify(self);
        }
    }

    private int envelopeOnly(SealedEnvelope envelope, DeviceIdentity self) {
        out().println(messages().get("cli.verify.sealedHeader", file.getFileName(), file.toFile().length()));
        // In part only, as for any sender not yet trusted: its fingerprint is read off its own screen.
        out().println(messages().get("cli.verify.device", envelope.senderId(), FingerprintCheck.masked(envelope.senderFingerprint())));
        out().println(messages().get("cli.verify.recipients", String.join(", ", envelope.recipientFingerprints())));
        out().println(self == null ? messages().get("cli.verify.sealedNoFolder")
                : messages().get("cli.verify.sealedForOthers", self.fingerprint()));
        return SEALED_FOR_OTHERS;
    }

    private int verify(DeviceIdentity self) {
        try (BundleReader reader = BundleReader.open(file, self)) {
            reader.readAttachments(null);
            BundleHeader header = reader.header();
            out().println(messages().get("cli.verify.header", file.getFileName(), messages().get("bundle.kind." + header.kind().wireName()),
                    header.bundleId(), header.createdAt()));
            // In part only: whoever accepts this sender must read its fingerprint off the sender's own screen.
            out().println(messages().get("cli.verify.device", header.deviceId(), FingerprintCheck.masked(header.fingerprint())));
            out().println(messages().get(header.sealed() ? "cli.verify.sealedToUs" : "cli.verify.signedOnly"));
            switch (header.kind()) {
                case FINDINGS -> {
                    BundleRecords.FindingsPayload payload = reader.payload(BundleRecords.FindingsPayload.class);
                    for (BundleRecords.Inspection inspection : payload.inspections()) {
                        BundleRecords.Revision latest = inspection.latest();
                        out().println(messages().get("cli.verify.inspection", inspection.id(), latest.facility().name(),
                                latest.inspectionDate(), latest.revision(), latest.findings().size(), latest.evidence().size()));
                    }
                }
                case ASSIGNMENTS -> {
                    BundleRecords.AssignmentsPayload payload = reader.payload(BundleRecords.AssignmentsPayload.class);
                    out().println(messages().get("cli.verify.assignments", payload.catalogs().size(), payload.facilities().size(),
                            payload.assignments().size(), payload.previousInspections().size(), payload.reviews().size(),
                            payload.receipts().size(), payload.sequence(), payload.inspector() == null
                                    ? messages().get("cli.verify.everyInspector")
                                    : messages().get("cli.verify.oneInspector", payload.inspector())));
                }
                case ENROLMENT -> out().println(messages().get("cli.verify.enrolment", messages().get("sync.enrolledRole."
                        + reader.payload(BundleRecords.EnrolmentPayload.class).role())));
            }
            long bytes = reader.manifest().stream().mapToLong(BundleRecords.ManifestEntry::size).sum();
            out().println(messages().get("cli.verify.ok", reader.manifest().size(), bytes));
            return 0;
        }
    }
}
