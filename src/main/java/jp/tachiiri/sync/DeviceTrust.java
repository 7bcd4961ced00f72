package jp.tachiiri.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import jp.tachiiri.audit.ChainVerifier;
import jp.tachiiri.bundle.BundleException;
import jp.tachiiri.bundle.BundleHeader;
import jp.tachiiri.bundle.BundleKind;
import jp.tachiiri.bundle.BundleReader;
import jp.tachiiri.i18n.UserFacingException;
import jp.tachiiri.model.Role;

/**
 * Who may send what to this installation, and the decisions about devices (docs/bundle-format.md, "Roles,
 * kinds and what each may change"). An office imports findings bundles only, from inspectors' tablets it
 * enrolled; a tablet imports assignments bundles only, from the one office it enrolled. A device is enrolled
 * for one role after a person compared its key's fingerprint on both screens, typing what this side hides of it
 * from the other device's screen ({@link FingerprintCheck}), so accepting is never a single tap. Every decision
 * is an event of the installation's device-trust trail.
 */
public final class DeviceTrust {

    /** The refusal of assignments signed by an office other than the one this tablet enrolled. */
    static final String ANOTHER_OFFICE = "sync.error.anotherOffice";

    private final SyncRepository repository;
    private final Supplier<Optional<Role>> role;
    private final Clock clock;
    private final String actor;

    public DeviceTrust(SyncRepository repository, Supplier<Optional<Role>> role, Clock clock, String actor) {
        this.repository = repository;
        this.role = role;
        this.clock = clock;
        this.actor = actor;
    }

    /** The kind of bundle an installation of {@code role} imports. */
    public static BundleKind imports(Role role) {
        return role == Role.OFFICE ? BundleKind.FINDINGS : BundleKind.ASSIGNMENTS;
    }

    /** The role of the devices whose bundles an installation of {@code role} imports. */
    public static Role senders(Role role) {
        return role == Role.OFFICE ? Role.INSPECTOR : Role.OFFICE;
    }

    public List<KnownDevice> devices() {
        return repository.knownDevices();
    }

    /**
     * The office this tablet takes assignments from, if it has enrolled one: the one trusted last (a store of an
     * earlier version may trust several; the others' bundles are then refused as another office's).
     */
    public Optional<KnownDevice> office() {
        return repository.trustedOffice();
    }

    /** The groups of {@code fingerprint} a person is asked to type at this installation's screen. */
    public FingerprintCheck screenCheck(String fingerprint) {
        return FingerprintCheck.forScreen(repository.identity().privateKey().getEncoded(), fingerprint);
    }

    /** A sender's fingerprint as this installation may show it: whole once trusted with this key, else the first group. */
    String shownFingerprint(BundleHeader sender) {
        return repository.knownDevice(sender.deviceId())
                .filter(device -> device.status() == DeviceStatus.TRUSTED && device.publicKeyHex().equals(sender.publicKeyHex()))
                .isPresent() ? sender.fingerprint() : FingerprintCheck.masked(sender.fingerprint());
    }

    /**
     * Stores an enrolment that --trust-new-devices made on import, inside the import's transaction, checking again
     * there that a tablet takes one office only: two imports running at once cannot enrol two.
     */
    void enrolOnImport(TrustDecision enrolment, Path file) {
        if (enrolment.role() == Role.OFFICE) {
            Optional<KnownDevice> office = office().filter(known -> !known.deviceId().equals(enrolment.deviceId()));
            if (office.isPresent()) {
                throw new BundleException(file, ANOTHER_OFFICE, office.get().deviceId(),
                        office.get().fingerprint(), enrolment.deviceId(),
                        FingerprintCheck.masked(enrolment.firstSeen().map(BundleHeader::fingerprint).orElse("????-")));
            }
        }
        repository.decide(enrolment);
    }

    /** The installation's decisions about devices, and whether their chain verifies. */
    public ChainVerifier.Trail trail() {
        var events = repository.trustTrail();
        return new ChainVerifier.Trail(events, ChainVerifier.verify(repository.trustHead(), events));
    }

    /**
     * Accepts a device whose bundle arrived, after a person compared its fingerprint: {@code code} is what they
     * typed from the other device's screen for {@code check}. A tablet that has an office already is refused: a
     * change of office is {@link #changeOffice}.
     */
    public KnownDevice accept(String deviceId, FingerprintCheck check, String code) {
        KnownDevice device = known(deviceId);
        if (device.status() == DeviceStatus.TRUSTED) {
            return device;
        }
        requireMatch(device.fingerprint(), check, code);
        if (device.role() == Role.OFFICE) {
            Optional<KnownDevice> office = office();
            if (office.isPresent()) {
                throw new UserFacingException("sync.error.officeEnrolled", office.get().deviceId(), office.get().fingerprint(),
                        device.deviceId(), FingerprintCheck.masked(device.fingerprint()));
            }
        }
        repository.decide(new TrustDecision(TrustDecision.Action.DEVICE_ACCEPTED, deviceId, Optional.empty(), device.role(),
                device.firstFile(), DeviceStatus.TRUSTED, Optional.empty(), null, actor, clock.instant()));
        return known(deviceId);
    }

    /** Refuses a device: its bundles are rejected from now on. */
    public KnownDevice refuse(String deviceId) {
        KnownDevice device = known(deviceId);
        if (device.status() != DeviceStatus.REFUSED) {
            repository.decide(new TrustDecision(TrustDecision.Action.DEVICE_REFUSED, deviceId, Optional.empty(),
                    device.role(), device.firstFile(), DeviceStatus.REFUSED, Optional.empty(), null, actor, clock.instant()));
        }
        return known(deviceId);
    }

    /**
     * A tablet's deliberate change of office (a new office PC, a merger of offices): the new office is known by
     * its assignments bundle {@code bundle}, checked whole; {@code code} is what was typed of its fingerprint for
     * {@code check} from its screen, and the reason is kept in the trail with the old and the new office. The old
     * office's bundles are rejected from then on.
     */
    public KnownDevice changeOffice(Path bundle, FingerprintCheck check, String code, String reason) {
        if (requireRole() != Role.INSPECTOR) {
            throw new UserFacingException("sync.error.changeOfficeAtOffice");
        }
        if (reason == null || reason.isBlank()) {
            throw new UserFacingException("sync.error.changeOfficeReason");
        }
        BundleHeader header;
        try (BundleReader reader = BundleReader.open(bundle, repository.identity())) {
            header = reader.header();
        }
        if (header.kind() != BundleKind.ASSIGNMENTS) {
            throw new BundleException(bundle, "sync.error.changeOfficeNotAssignments");
        }
        Optional<KnownDevice> known = repository.knownDevice(header.deviceId());
        if (known.isPresent() && !sameKeys(known.get(), header)) {
            throw new BundleException(bundle, "sync.error.keyChanged", header.deviceId(), known.get().fingerprint(),
                    FingerprintCheck.masked(header.fingerprint()));
        }
        if (known.isPresent() && known.get().role() != Role.OFFICE) {
            throw new BundleException(bundle, "sync.error.enrolledAsOther", header.deviceId(),
                    FingerprintCheck.masked(header.fingerprint()), new UserFacingException("sync.standing." + known.get().role().name()));
        }
        requireMatch(header.fingerprint(), check, code);
        Optional<KnownDevice> office = office();
        if (office.isPresent() && office.get().deviceId().equals(header.deviceId())) {
            return office.get();
        }
        repository.decide(new TrustDecision(TrustDecision.Action.OFFICE_CHANGED, header.deviceId(),
                known.isEmpty() ? Optional.of(header) : Optional.empty(), Role.OFFICE, bundle.getFileName().toString(),
                DeviceStatus.TRUSTED, office.map(KnownDevice::deviceId), reason.strip(), actor, clock.instant()));
        return known(header.deviceId());
    }

    /** This installation's role; a data folder whose role is not chosen yet takes no bundles. */
    Role requireRole() {
        return role.get().orElseThrow(() -> new UserFacingException("sync.error.roleNotChosen"));
    }

    /**
     * Whether a bundle's sender may be heard: {@code early} is the outcome that ends the import (waiting for a
     * decision, already imported), if any; {@code decision} the decision to store with the bundle's content, in its
     * transaction, when --trust-new-devices enrols the sender or the sender brings its sealing key: a bundle that is
     * then rejected enrols nobody and changes no key.
     */
    record Admission(Optional<ImportOutcome.Result> early, Optional<TrustDecision> decision) {
    }

    /**
     * Whether the sender of a bundle may be heard here. Anything that must not be imported is thrown as a
     * {@link BundleException} naming the device, its standing here and what it sent, before anything is stored.
     */
    Admission admit(BundleHeader header, Path file, boolean trustNewDevices, String ownDeviceId) {
        Role here = role.get().orElseThrow(() -> new BundleException(file, "sync.error.noRole"));
        if (header.deviceId().equals(ownDeviceId)) {
            throw new BundleException(file, "sync.error.ownBundle");
        }
        Optional<KnownDevice> known = repository.knownDevice(header.deviceId());
        if (known.isPresent() && !sameKeys(known.get(), header)) {
            throw new BundleException(file, "sync.error.keyChanged", header.deviceId(), known.get().fingerprint(),
                    FingerprintCheck.masked(header.fingerprint()));
        }
        String standing = known.map(device -> "sync.standing." + device.role().name()).orElse("sync.standing.none");
        // An untrusted device's fingerprint is shown only in part here: the rest is read off its own screen.
        String fingerprint = shownFingerprint(header);
        if (header.kind() != imports(here) && header.kind() != BundleKind.ENROLMENT) {
            throw new BundleException(file, "sync.error.kindNotAccepted", new UserFacingException("sync.here." + here.name()),
                    new UserFacingException("bundle.kind." + header.kind().wireName()),
                    new UserFacingException("bundle.kind." + imports(here).wireName()), header.deviceId(), fingerprint,
                    new UserFacingException(standing));
        }
        if (known.isPresent() && known.get().role() != senders(here)) {
            throw new BundleException(file, "sync.error.enrolledAsOther", header.deviceId(), fingerprint,
                    new UserFacingException(standing));
        }
        if (known.isPresent() && known.get().status() == DeviceStatus.REFUSED) {
            throw new BundleException(file, "sync.error.refused", header.deviceId(), fingerprint);
        }
        Optional<KnownDevice> office = here == Role.INSPECTOR ? office() : Optional.empty();
        if (office.isPresent() && !office.get().deviceId().equals(header.deviceId())) {
            throw new BundleException(file, ANOTHER_OFFICE, office.get().deviceId(), office.get().fingerprint(),
                    header.deviceId(), fingerprint);
        }
        Optional<TrustDecision> decision = Optional.empty();
        if (known.isEmpty() || known.get().status() == DeviceStatus.PENDING) {
            if (!trustNewDevices) {
                if (known.isEmpty()) {
                    repository.addPending(header, senders(here), file.getFileName().toString(), clock.instant());
                } else if (known.get().sealingKeyHex() == null && header.sealingKeyHex() != null) {
                    repository.addPendingSealingKey(header.deviceId(), header.sealingKeyHex());
                }
                return new Admission(Optional.of(ImportOutcome.Result.PENDING_ENROLMENT), Optional.empty());
            }
            decision = Optional.of(decision(TrustDecision.Action.DEVICE_TRUSTED_UNCOMPARED, header, here, file));
        } else if (known.get().sealingKeyHex() == null && header.sealingKeyHex() != null) {
            decision = Optional.of(decision(TrustDecision.Action.SEALING_KEY_LEARNED, header, here, file));
        }
        if (header.kind() == BundleKind.ENROLMENT) {
            // Nothing else to take from an enrolment: a device enrolled with these keys already changes nothing.
            return new Admission(decision.isEmpty() ? Optional.of(ImportOutcome.Result.ALREADY_IMPORTED) : Optional.empty(),
                    decision);
        }
        Optional<String> receivedFrom = repository.receivedFrom(header.bundleId());
        if (receivedFrom.isPresent() && !receivedFrom.get().equals(header.deviceId())) {
            // Another device's bundle id, taken to make that device's own file look imported already.
            throw new BundleException(file, "sync.error.bundleIdTaken", header.bundleId(), receivedFrom.get(),
                    header.deviceId(), fingerprint);
        }
        return new Admission(receivedFrom.isPresent() ? Optional.of(ImportOutcome.Result.ALREADY_IMPORTED) : Optional.empty(),
                decision);
    }

    /**
     * The decision an import stores with its content: the sender's keys as its bundle gives them, so that a device
     * known without a sealing key (from format 2.x) gets the one its trusted signing key vouches for.
     */
    private TrustDecision decision(TrustDecision.Action action, BundleHeader header, Role here, Path file) {
        return new TrustDecision(action, header.deviceId(), Optional.of(header), senders(here), file.getFileName().toString(),
                DeviceStatus.TRUSTED, Optional.empty(), null, actor, clock.instant());
    }

    /**
     * The keys a device was enrolled with: the same signing key, and the same sealing key once both sides have one
     * (a device known from format 2.x has none yet; a file of 2.x carries none).
     */
    private static boolean sameKeys(KnownDevice known, BundleHeader header) {
        return known.publicKeyHex().equals(header.publicKeyHex()) && (known.sealingKeyHex() == null
                || header.sealingKeyHex() == null || known.sealingKeyHex().equals(header.sealingKeyHex()));
    }

    private KnownDevice known(String deviceId) {
        return repository.knownDevice(deviceId).orElseThrow(() -> new UserFacingException("sync.error.unknownDevice", deviceId));
    }

    private static void requireMatch(String fingerprint, FingerprintCheck check, String code) {
        if (!check.matches(fingerprint, code)) {
            throw new UserFacingException("sync.error.fingerprintMismatch", code == null ? "" : code.strip(),
                    check.shown(fingerprint));
        }
    }
}
