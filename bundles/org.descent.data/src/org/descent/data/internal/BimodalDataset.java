package org.descent.data.internal;

import java.util.List;

import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Dataset;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * The source material's bimodal sample: {@code n} draws of N(0,1) followed by {@code n2} draws
 * of N(shift,1) (10000 and 5000, shift 3), seeded. One column, which is both the input and
 * the target (density estimation).
 */
public final class BimodalDataset implements Dataset {

    private int n;
    private int n2;
    private double shift;
    private long seed;

    @Override
    public void configure(Settings s) {
        n = s.getInt("n");
        n2 = s.getInt("n2");
        shift = s.getDouble("shift");
        seed = s.getLong("seed");
    }

    @Override
    public Data load(IProgressMonitor monitor) {
        SplitMix64 random = new SplitMix64(seed);
        int rows = n + n2;
        double[] x = new double[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = random.nextGaussian() + (i < n ? 0 : shift);
        }
        return new Data("bimodal", new DataShape(rows, 1, 1, 0), x, x.clone(), List.of("x"));
    }
}
