package jp.tachiiri.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;

class CodePointValuesTest {

    @Test
    void eachCodePointIsWorkedOutOnceInAndBeyondTheBasicPlane() {
        CodePointValues values = new CodePointValues();
        List<Integer> asked = new ArrayList<>();
        IntUnaryOperator compute = codePoint -> {
            asked.add(codePoint);
            return codePoint % 7 - 3;
        };
        int[] codePoints = {'A', 'あ', '\uFFFF', 0x20B9F, 0x1F600, 0};
        for (int round = 0; round < 3; round++) {
            for (int codePoint : codePoints) {
                assertThat(values.get(codePoint, compute)).isEqualTo(codePoint % 7 - 3);
            }
        }
        assertThat(asked).containsExactly((int) 'A', (int) 'あ', 0xFFFF, 0x20B9F, 0x1F600, 0);
    }

    @Test
    void negativeAndZeroValuesAreKeptLikeAnyOther() {
        CodePointValues values = new CodePointValues();
        int[] calls = {0};
        IntUnaryOperator zero = codePoint -> {
            calls[0]++;
            return Float.floatToIntBits(0f);
        };
        values.get('x', zero);
        values.get('x', zero);
        assertThat(calls[0]).isEqualTo(1);
    }
}
