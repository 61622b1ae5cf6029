package org.descent.data.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Dataset;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Gaussian blobs, seeded: {@code classes} centres drawn from N(0, spread²) in {@code features}
 * dimensions, and {@code n} points spread round them with unit variance, classes in turn.
 * Any width, so it also serves wide synthetic inputs such as 784 features.
 */
public final class BlobsDataset implements Dataset {

    private int n;
    private int features;
    private int classes;
    private double spread;
    private long seed;

    @Override
    public void configure(Settings s) {
        n = s.getInt("n");
        features = s.getInt("features");
        classes = s.getInt("classes");
        spread = s.getDouble("spread");
        seed = s.getLong("seed");
    }

    @Override
    public Data load(IProgressMonitor monitor) {
        SplitMix64 random = new SplitMix64(seed);
        double[] centres = new double[classes * features];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = spread * random.nextGaussian();
        }
        double[] x = new double[DataSizes.values("dataset 'blobs'", "n", n, "features", features)];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            int c = r % classes;
            y[r] = c;
            for (int j = 0; j < features; j++) {
                x[r * features + j] = centres[c * features + j] + random.nextGaussian();
            }
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            names.add("x" + j);
        }
        return new Data("blobs", new DataShape(n, features, 1, classes), x, y, names);
    }
}
