package jp.tachiiri.cli;

import java.time.Clock;
import java.util.concurrent.Callable;
import jp.tachiiri.app.Workspace;
import jp.tachiiri.bundle.DeviceIdentity;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.sync.DeviceStatus;
import jp.tachiiri.sync.KnownDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tachiiri devices [accept|refuse ID]}: this device's id and key fingerprint, and the devices whose
 * bundles arrived here; accepting a pending device lets its bundles be imported, refusing one rejects them.
 */
@Command(name = "devices")
final class DevicesCommand extends Subcommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "accept|refuse", descriptionKey = "deviceDecision")
    private String decision;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ID", descriptionKey = "deviceId")
    private String deviceId;

    @Override
    public Integer call() {
        try (Workspace workspace = root().openWorkspace()) {
            if (decision != null) {
                DeviceStatus status = switch (decision) {
                    case "accept" -> DeviceStatus.TRUSTED;
                    case "refuse" -> DeviceStatus.REFUSED;
                    default -> throw new UserFacingException("cli.devices.badDecision", decision);
                };
                if (deviceId == null || !workspace.syncRecords().decide(deviceId, status, Clock.systemUTC().instant())) {
                    throw new UserFacingException("cli.devices.unknown", String.valueOf(deviceId));
                }
                out().println(messages().get("cli.devices.decided." + status.name(), deviceId));
                return 0;
            }
            DeviceIdentity self = workspace.syncRecords().identity();
            out().println(messages().get("cli.devices.self", self.deviceId(), self.fingerprint()));
            for (KnownDevice device : workspace.syncRecords().knownDevices()) {
                out().println(String.join("\t", device.deviceId(), device.fingerprint(),
                        messages().get("device.status." + device.status().name()), device.kind().wireName(),
                        device.firstSeenAt().toString(), device.firstFile()));
            }
            return 0;
        }
    }
}
