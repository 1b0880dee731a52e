package io.egostream.model.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NumpySumTest {

    @Test
    void matchesNumpyPairwiseSummationBitForBit() {
        // values printed by np.sum (NumPy 2.4); a left-to-right sum gives 0.9999999999999999 and
        // 6.282663880299502 and 5.5008417858445116
        final double[] tenths = new double[10];
        Arrays.fill(tenths, 0.1);
        assertEquals(1.0, NumpySum.sum(tenths));
        assertEquals(6.282663880299504, NumpySum.sum(harmonic(300)));
        assertEquals(5.50084178584451, NumpySum.sum(harmonic(137)));
        assertEquals(0.0, NumpySum.sum(new double[0]));
        assertEquals(Double.NaN, NumpySum.mean(new double[0]));
    }

    private static double[] harmonic(final int n) {
        final double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1.0 / (i + 1);
        }
        return x;
    }
}
