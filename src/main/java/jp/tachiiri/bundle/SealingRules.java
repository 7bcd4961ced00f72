package jp.tachiiri.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.tachiiri.crypto.SealingKeys;

/**
 * What the signed bundle must say about its sealing, by format version. A findings or assignments bundle of 3.0 on
 * arrives sealed, and names the same sender and the same recipients, in the same order, as its envelope: the signature
 * vouches for the envelope, so a bundle opened by one recipient cannot be sealed again to a device it was not meant
 * for, nor passed off as another sender's. An enrolment is signed only and goes to nobody in particular. A file of
 * 2.x predates sealing: signed only, without a sealing key or recipients.
 */
final class SealingRules {

    private SealingRules() {
    }

    static void check(String version, BundleHeader header, JsonNode recipients, SealedEnvelope envelope,
                      boolean unsealedAllowed, Path file) {
        boolean current = BundleWriter.SEALED_VERSIONS.contains(version);
        if (envelope != null && !current) {
            throw new BundleException(file, "bundle.error.sealedVersion", version);
        }
        if (!current) {
            if (header.sealingKeyHex() != null || recipients != null || header.kind() == BundleKind.ENROLMENT) {
                throw new BundleException(file, "bundle.error.notInVersion", version,
                        header.kind() == BundleKind.ENROLMENT ? "/kind" : recipients != null ? "/recipients" : "/device/sealingKey");
            }
            return;
        }
        if (header.sealingKeyHex() == null) {
            throw new BundleException(file, "bundle.error.missingInVersion", version, "/device/sealingKey");
        }
        // A key nothing can be sealed to would be stored with its device and fail every export to it later.
        if (!SealingKeys.canSealTo(header.sealingKeyHex())) {
            throw new BundleException(file, "bundle.error.badSealingKey", header.deviceId());
        }
        if (header.kind() == BundleKind.ENROLMENT) {
            if (envelope != null || recipients != null) {
                throw new BundleException(file, "bundle.error.enrolmentSealed");
            }
            return;
        }
        if (recipients == null) {
            throw new BundleException(file, "bundle.error.missingInVersion", version, "/recipients");
        }
        if (envelope == null) {
            if (unsealedAllowed) {
                return;
            }
            throw new BundleException(file, "bundle.error.mustBeSealed", version);
        }
        if (!envelope.senderId().equals(header.deviceId()) || !envelope.senderFingerprint().equals(header.fingerprint())) {
            // The signer's fingerprint in part only, as for any sender not yet trusted.
            throw new BundleException(file, "bundle.error.envelopeSender", envelope.senderId(), envelope.senderFingerprint(),
                    header.deviceId(), DeviceKeys.masked(header.fingerprint()));
        }
        List<String> named = new ArrayList<>();
        recipients.forEach(recipient -> named.add(recipient.get("fingerprint").textValue()));
        if (!named.equals(envelope.recipientFingerprints())) {
            throw new BundleException(file, "bundle.error.envelopeRecipients", String.join(", ", envelope.recipientFingerprints()),
                    String.join(", ", named));
        }
    }
}
