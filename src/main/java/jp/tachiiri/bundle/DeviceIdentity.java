package jp.tachiiri.bundle;

import java.security.PrivateKey;

/** This installation as bundles name it: its id and its key pair (the private half never leaves the device). */
public record DeviceIdentity(String deviceId, String publicKeyHex, PrivateKey privateKey) {

    public String fingerprint() {
        return DeviceKeys.fingerprint(publicKeyHex);
    }

    String sign(byte[] message) {
        return DeviceKeys.sign(privateKey, message);
    }
}
