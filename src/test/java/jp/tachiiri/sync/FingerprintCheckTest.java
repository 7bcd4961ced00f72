package jp.tachiiri.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a person is asked to type of another device's fingerprint, and how much of it this side shows. */
class FingerprintCheckTest {

    private static final String FINGERPRINT = "A1CC-6A2B-4C3E-1587-7818";
    private static final byte[] SECRET = "this installation's own key".getBytes(StandardCharsets.UTF_8);

    @Test
    void aScreenHidesThreeGroupsAndTheSameOnesEachTime() {
        FingerprintCheck check = FingerprintCheck.forScreen(SECRET, FINGERPRINT);
        assertThat(check.hidden()).hasSize(3).doesNotHaveDuplicates().isSorted().allMatch(group -> group >= 0 && group < 5);
        assertThat(FingerprintCheck.forScreen(SECRET, FINGERPRINT)).as("asking again reveals nothing more").isEqualTo(check);
        String shown = check.shown(FINGERPRINT);
        assertThat(shown.split("-")).filteredOn("????"::equals).hasSize(3);
        String typed = check.hidden().stream().map(group -> FINGERPRINT.split("-")[group]).reduce("", String::concat);
        assertThat(check.matches(FINGERPRINT, typed)).isTrue();
    }

    @Test
    void whichGroupsAreHiddenDependsOnTheSecretAndTheDevice() {
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(FingerprintCheck.forScreen(("installation " + i).getBytes(StandardCharsets.UTF_8), FINGERPRINT).hidden());
            seen.add(FingerprintCheck.forScreen(SECRET, String.format("%04X-6A2B-4C3E-1587-7818", i)).hidden());
        }
        assertThat(seen).as("every choice of three groups of five turns up").hasSize(10);
    }

    @Test
    void whatIsTypedIsReadLeniently() {
        FingerprintCheck whole = FingerprintCheck.whole();
        assertThat(whole.matches(FINGERPRINT, "a1cc6a2b4c3e15877818")).isTrue();
        assertThat(whole.matches(FINGERPRINT, " A1CC-6A2B 4C3E-1587-7818 ")).isTrue();
        assertThat(whole.matches(FINGERPRINT, "Ａ１ＣＣ－６Ａ２Ｂ－４Ｃ３Ｅ－１５８７－７８１８")).as("full-width").isTrue();
        assertThat(whole.matches(FINGERPRINT, "A1CC-6A2B-4C3E-1587-7819")).isFalse();
        assertThat(whole.matches(FINGERPRINT, null)).isFalse();
        assertThat(new FingerprintCheck(List.of(1, 4)).matches(FINGERPRINT, "6A2B7818")).isTrue();
        assertThat(new FingerprintCheck(List.of(1, 4)).matches(FINGERPRINT, "78186A2B")).as("in order").isFalse();
    }

    @Test
    void anUntrustedDevicesFingerprintIsShownByItsFirstGroupOnly() {
        assertThat(FingerprintCheck.masked(FINGERPRINT)).isEqualTo("A1CC-????-????-????-????");
    }
}
