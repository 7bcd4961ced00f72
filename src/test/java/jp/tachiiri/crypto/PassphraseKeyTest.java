package jp.tachiiri.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Argon2id keys from passphrases: reproducible, bound to the salt and cost, the same for NFC and NFD input. */
class PassphraseKeyTest {

    private static final PassphraseKey.Cost CHEAP = new PassphraseKey.Cost(64, 1, 1);
    private static final byte[] SALT = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");

    @Test
    void theSameWordsTypedComposedOrDecomposedGiveTheSameKey() {
        String composed = Normalizer.normalize("ガイドライン・バックアップ", Normalizer.Form.NFC);
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(composed);

        PassphraseKey.Derived one = PassphraseKey.derive(composed.toCharArray(), CHEAP, SALT);
        PassphraseKey.Derived other = PassphraseKey.derive(decomposed.toCharArray(), CHEAP, SALT);

        assertThat(other.key()).isEqualTo(one.key());
        assertThat(other.matches(one.check())).isTrue();
    }

    @Test
    void anotherSaltCostOrPassphraseGivesAnotherKeyAndCheck() {
        char[] passphrase = "さくら県 医務課 2026".toCharArray();
        PassphraseKey.Derived base = PassphraseKey.derive(passphrase, CHEAP, SALT);
        byte[] otherSalt = SALT.clone();
        otherSalt[0] ^= 1;

        for (PassphraseKey.Derived other : new PassphraseKey.Derived[] {
            PassphraseKey.derive(passphrase, CHEAP, otherSalt),
            PassphraseKey.derive(passphrase, new PassphraseKey.Cost(64, 2, 1), SALT),
            PassphraseKey.derive("さくら県 医務課 2027".toCharArray(), CHEAP, SALT)}) {
            assertThat(other.key()).isNotEqualTo(base.key());
            assertThat(other.matches(base.check())).isFalse();
        }
        assertThat(base.key()).hasSize(ContentCipher.KEY_BYTES);
        assertThat(base.check()).hasSize(PassphraseKey.CHECK_BYTES);
        assertThat(Arrays.equals(Arrays.copyOf(base.key(), PassphraseKey.CHECK_BYTES), base.check())).isFalse();
    }

    /** The app's own cost: RFC 9106's second recommendation, within what a restore accepts; one run on it. */
    @Test
    void theRecommendedCostIsRfc9106sSecondOption() {
        assertThat(PassphraseKey.Cost.RECOMMENDED).isEqualTo(new PassphraseKey.Cost(65536, 3, 4));
        assertThat(PassphraseKey.Cost.RECOMMENDED.acceptable()).isTrue();
        long started = System.nanoTime();
        PassphraseKey.derive("a passphrase".toCharArray(), PassphraseKey.Cost.RECOMMENDED, SALT);
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds on this machine").isLessThan(10_000);
        assertThat(new PassphraseKey.Cost(2 * 1024 * 1024, 3, 4).acceptable()).isFalse();
        assertThat(new PassphraseKey.Cost(16, 1, 4).acceptable()).as("under 8 KiB a lane").isFalse();
        assertThatThrownBy(() -> PassphraseKey.derive("x".toCharArray(), new PassphraseKey.Cost(8, 0, 1), SALT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
