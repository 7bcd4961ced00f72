package jp.tachiiri.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.model.AuditEvent;
import jp.tachiiri.sync.DeviceStatus;
import jp.tachiiri.sync.DeviceTrust;
import jp.tachiiri.sync.FingerprintCheck;
import jp.tachiiri.sync.KnownDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tachiiri devices}: this device's id and key fingerprint, and the devices whose bundles arrived here,
 * with their role and status (an untrusted device's fingerprint in part only). Accepting one needs its whole
 * fingerprint as its own screen shows it; a tablet changes its office only with the new office's bundle, its
 * fingerprint and a reason. Every decision is kept in the device-trust trail ({@code devices history}).
 */
@Command(name = "devices", subcommands = {DevicesCommand.Accept.class, DevicesCommand.Refuse.class,
        DevicesCommand.ChangeOffice.class, DevicesCommand.History.class, DevicesCommand.Enrolment.class})
final class DevicesCommand extends Subcommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            DeviceIdentity self = workspace.sync().identity();
            out().println(messages().get("cli.devices.self", self.deviceId(), self.fingerprint()));
            for (KnownDevice device : workspace.deviceTrust().devices()) {
                out().println(String.join("\t", device.deviceId(), shown(device),
                        messages().get("device.status." + device.status().name()),
                        messages().get("device.role." + device.role().name()),
                        messages().get("device.sealing." + (device.sealingKeyHex() != null)), device.firstSeenAt().toString(),
                        device.firstFile()));
            }
            return 0;
        }
    }

    /** An untrusted device's fingerprint in part only: accepting it needs it whole, from its own screen. */
    static String shown(KnownDevice device) {
        return device.status() == DeviceStatus.TRUSTED ? device.fingerprint() : FingerprintCheck.masked(device.fingerprint());
    }

    /** A decision about a device, told with its id and fingerprint. */
    abstract static class Decision extends Subcommand implements Callable<Integer> {

        abstract KnownDevice decide(DeviceTrust trust);

        abstract String doneKey();

        @Override
        public Integer call() {
            try (Workspace workspace = root().openWorkspace()) {
                KnownDevice device = decide(workspace.deviceTrust());
                out().println(messages().get(doneKey(), device.deviceId(), shown(device)));
                return 0;
            }
        }
    }

    @Command(name = "accept")
    static final class Accept extends Decision {

        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "deviceId")
        private String deviceId;

        @Parameters(index = "1", paramLabel = "FINGERPRINT", descriptionKey = "fingerprintCode")
        private String fingerprint;

        @Override
        KnownDevice decide(DeviceTrust trust) {
            return trust.accept(deviceId, FingerprintCheck.whole(), fingerprint);
        }

        @Override
        String doneKey() {
            return "cli.devices.accepted";
        }
    }

    @Command(name = "refuse")
    static final class Refuse extends Decision {

        @Parameters(index = "0", paramLabel = "ID", descriptionKey = "deviceId")
        private String deviceId;

        @Override
        KnownDevice decide(DeviceTrust trust) {
            return trust.refuse(deviceId);
        }

        @Override
        String doneKey() {
            return "cli.devices.refused";
        }
    }

    @Command(name = "change-office")
    static final class ChangeOffice extends Decision {

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "officeBundle")
        private Path bundle;

        @Parameters(index = "1", paramLabel = "FINGERPRINT", descriptionKey = "fingerprintCode")
        private String fingerprint;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", descriptionKey = "officeChangeReason")
        private String reason;

        @Override
        KnownDevice decide(DeviceTrust trust) {
            return trust.changeOffice(bundle, FingerprintCheck.whole(), fingerprint, reason);
        }

        @Override
        String doneKey() {
            return "cli.devices.officeChanged";
        }
    }

    @Command(name = "history")
    static final class History extends Subcommand implements Callable<Integer> {

        @Override
        public Integer call() {
            try (Workspace workspace = root().openWorkspace()) {
                ChainVerifier.Trail trail = workspace.deviceTrust().trail();
                for (AuditEvent event : trail.events()) {
                    out().println(String.join("\t", Long.toString(event.sequence()), event.at().toString(), event.actor(),
                            event.action(), event.subject(), String.valueOf(event.oldValue()), event.newValue(),
                            event.reason() == null ? "" : event.reason()));
                }
                if (trail.broken().isPresent()) {
                    err().println(messages().get("cli.devices.historyBroken", trail.broken().get().sequence(),
                            messages().get(trail.broken().get().problemKey())));
                    return 1;
                }
                return 0;
            }
        }
    }

    /**
     * {@code devices enrolment --out FOLDER}: this installation's enrolment file (its id, public keys and role), for
     * the other side to enrol it after comparing the fingerprint, so that bundles can be sealed to it.
     */
    @Command(name = "enrolment")
    static final class Enrolment extends Subcommand implements Callable<Integer> {

        @Option(names = "--out", required = true, paramLabel = "FOLDER", descriptionKey = "enrolmentOut")
        private Path out;

        @Override
        public Integer call() {
            try (Workspace workspace = root().openWorkspace()) {
                Path written = workspace.sync().exportEnrolment(out);
                out().println(messages().get("cli.enrolment.written", written.toAbsolutePath(), workspace.sync().fingerprint()));
                return 0;
            }
        }
    }
}
