package jp.tachiiri.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SealingKeysTest {

    private static final byte[] CONTEXT = "sender and recipients".getBytes(StandardCharsets.US_ASCII);
    private final SealingKeys.Pair office = SealingKeys.generate();
    private final byte[] contentKey = ContentCipher.newKey();

    @Test
    void theRecipientOpensWhatWasSealedToIt() throws Exception {
        byte[] sealed = SealingKeys.seal(office.publicKeyHex(), contentKey, CONTEXT);

        assertThat(sealed).hasSize(32 + 32 + 16); // encapsulated key, ciphertext, tag: HPKE and nothing else
        assertThat(SealingKeys.open(office, sealed, CONTEXT)).isEqualTo(contentKey);
        assertThat(SealingKeys.isPublicKey(office.publicKeyHex())).isTrue();
    }

    @Test
    void anotherKeyAChangedByteOrAnotherContextOpensNothing() {
        byte[] sealed = SealingKeys.seal(office.publicKeyHex(), contentKey, CONTEXT);
        byte[] changed = sealed.clone();
        changed[40] ^= 1;

        assertThatThrownBy(() -> SealingKeys.open(SealingKeys.generate(), sealed, CONTEXT)).isInstanceOf(SealingKeys.NotOpened.class);
        assertThatThrownBy(() -> SealingKeys.open(office, changed, CONTEXT)).isInstanceOf(SealingKeys.NotOpened.class);
        assertThatThrownBy(() -> SealingKeys.open(office, sealed, "other".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(SealingKeys.NotOpened.class);
    }

    @Test
    void aLowOrderPointIsNoKeyToSealTo() {
        // RFC 7748 leaves low-order points to the protocol; HPKE (RFC 9180, 7.1.4) requires refusing them.
        String lowOrder = "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800";
        assertThat(SealingKeys.isPublicKey(lowOrder)).as("spelt as a key").isTrue();
        assertThat(SealingKeys.canSealTo(lowOrder)).isFalse();
        assertThat(SealingKeys.canSealTo(office.publicKeyHex())).isTrue();
    }

    @Test
    void aMalformedRecipientKeyIsRefused() {
        assertThatThrownBy(() -> SealingKeys.seal("00ff", contentKey, CONTEXT)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SealingKeys.isPublicKey(office.publicKeyHex().toUpperCase())).isFalse();
    }
}
