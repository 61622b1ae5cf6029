package org.descent.models.internal.layers;

import org.eclipse.jdt.annotation.Nullable;

/**
 * Inverted dropout as {@code nn.Dropout}: in training passes each value is zeroed with
 * probability {@code p} and the others scaled by 1/(1−p); evaluation passes are the identity.
 * The mask is drawn from the pass's random numbers (the batch seed), so runs repeat exactly.
 */
public final class Dropout extends Layer {

    final double rate;
    private double[] mask = new double[0];
    private boolean masked;

    public Dropout(String name, Shape shape, double rate) {
        super(name, "dropout", shape, shape);
        this.rate = rate;
    }

    @Override
    public void allocate(int maxBatch) {
        mask = new double[maxBatch * in.size()];
    }

    @Override
    public void forward(double[] p, double[] x, double[] y, int n, Pass pass) {
        int count = n * in.size();
        masked = pass.training() && rate > 0;
        if (!masked) {
            System.arraycopy(x, 0, y, 0, count);
            return;
        }
        double keep = 1 / (1 - rate);
        for (int i = 0; i < count; i++) {
            mask[i] = pass.random().nextDouble() < rate ? 0 : keep;
            y[i] = x[i] * mask[i];
        }
    }

    /** Linear with the pass' mask: {@code ry = mask·rx}. */
    @Override
    public boolean rForward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry, int n) {
        if (rx == null) {
            java.util.Arrays.fill(ry, 0, n * in.size(), 0);
        } else {
            backward(p, x, y, rx, ry, v, n);
        }
        return true;
    }

    /** {@code rdx = mask·rdy}. */
    @Override
    public boolean rBackward(double[] p, double[] v, double[] x, double @Nullable [] rx, double[] y, double[] ry,
            double[] dy, double[] rdy, double @Nullable [] rdx, double[] rg, int n) {
        backward(p, x, y, rdy, rdx, rg, n);
        return true;
    }

    @Override
    public void backward(double[] p, double[] x, double[] y, double[] dy, double @Nullable [] dx, double[] g, int n) {
        if (dx == null) {
            return;
        }
        int count = n * in.size();
        if (!masked) {
            System.arraycopy(dy, 0, dx, 0, count);
            return;
        }
        for (int i = 0; i < count; i++) {
            dx[i] = dy[i] * mask[i];
        }
    }
}
