package org.descent.analysis.distributions;

import org.descent.compute.Ops;
import org.descent.compute.Tensor;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Sinkhorn's passes on a compute device: the cost matrix is uploaded once and the matrix the
 * iterations work on stays on the device (the kernel overwrites the uploaded costs; −C/ε of the
 * log domain takes a second n × m tensor, refilled from the costs at each ε). A pass uploads its
 * vector and reads back its result (n or m values); the plan comes back once.
 */
final class DevicePasses implements SinkhornPasses {

    private final Ops ops;
    private final int n;
    private final int m;
    private final Tensor cost;
    private final Tensor rows;
    private final Tensor columns;
    private final Tensor rowsOut;
    private final Tensor columnsOut;
    private @Nullable Tensor matrix;
    private @Nullable Tensor masses;

    DevicePasses(Ops ops, double[] cost, int n, int m) {
        this.ops = ops;
        this.n = n;
        this.m = m;
        this.cost = ops.allocate(n * m);
        this.cost.write(cost);
        rows = ops.allocate(n);
        columns = ops.allocate(m);
        rowsOut = ops.allocate(n);
        columnsOut = ops.allocate(m);
    }

    /** −C/ε of the log domain: a tensor of its own, the costs being needed again at the next ε. */
    private Tensor logMatrix() {
        Tensor t = matrix;
        if (t == null) {
            t = ops.allocate(n * m);
            matrix = t;
        }
        return t;
    }

    @Override
    public void kernel(double scale, double[] u, double[] out) {
        ops.expScaled(scale, cost, cost);
        rows.write(u);
        ops.gemm(true, false, m, 1, n, 1, cost, m, rows, 1, 0, columnsOut, 1);
        columnsOut.read(0, out, 0, m);
    }

    @Override
    public void scaleRows(double[] a, double[] v, double[] u, double[] out) {
        Tensor ta = masses;
        if (ta == null) {
            ta = ops.allocate(n);
            ta.write(a);
            masses = ta;
        }
        columns.write(v);
        ops.sinkhornStep(n, m, cost, columns, ta, rowsOut, columnsOut);
        rowsOut.read(0, u, 0, n);
        columnsOut.read(0, out, 0, m);
    }

    @Override
    public double[] kernelPlan(double[] u, double[] v) {
        rows.write(u);
        columns.write(v);
        ops.scaleRowsColumns(n, m, rows, cost, columns, cost);
        return cost.toDoubles();
    }

    @Override
    public void logKernel(double scale) {
        Tensor t = logMatrix();
        ops.copy(cost, t);
        ops.scale(scale, t);
    }

    @Override
    public void columnLogSumExp(double[] u, double[] out) {
        rows.write(u);
        ops.logSumExp(true, n, m, logMatrix(), rows, columnsOut);
        columnsOut.read(0, out, 0, m);
    }

    @Override
    public void rowLogSumExp(double[] v, double[] out) {
        columns.write(v);
        ops.logSumExp(false, n, m, logMatrix(), columns, rowsOut);
        rowsOut.read(0, out, 0, n);
    }

    @Override
    public double[] logPlan(double[] fs, double[] gs) {
        Tensor t = logMatrix();
        rows.write(fs);
        columns.write(gs);
        ops.expShifted(n, m, rows, t, columns, t);
        return t.toDoubles();
    }

    @Override
    public void close() {
        cost.close();
        rows.close();
        columns.close();
        rowsOut.close();
        columnsOut.close();
        Tensor t = matrix;
        if (t != null) {
            t.close();
        }
        t = masses;
        if (t != null) {
            t.close();
        }
    }
}
