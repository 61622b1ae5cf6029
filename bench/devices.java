import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.descent.compute.Activation;
import org.descent.compute.Backend;
import org.descent.compute.Conv2dShape;
import org.descent.compute.Device;
import org.descent.compute.Ops;
import org.descent.compute.Pool2dShape;
import org.descent.compute.Tensor;
import org.descent.compute.UpdateRule;
import org.descent.compute.cpu.internal.CpuBackend;
import org.descent.compute.cpu.internal.CpuDevice;
import org.descent.compute.opencl.internal.OpenClBackend;
import org.descent.core.Blas;
import org.descent.core.Precision;
import org.descent.core.SplitMix64;

/**
 * Descent's side of bench/devices: every operation of org.descent.compute.Ops on every device of
 * the cpu backend (all cores; OpenBLAS when its jars are on the class path) and the opencl
 * backend, at the shapes of a ResNet-20 layer on 32x32 images at batch 128 and of a 1024^3 GEMM.
 * Each case runs once (kernels compile, the JIT warms), then in rounds of calls, each round ended
 * by Ops.finish, doubling the calls until a round takes 50 ms; the best of 5 rounds counts.
 * Floating-point operations counted per case (the "flop" column's basis): GEMM 2mnk, convolution
 * 2 multiply-adds per output and kernel tap (each pass the same), pooling and activations one per
 * input value, batch-norm statistics 3, forward 4, backward 7 per value, axpy 2, sum 1, softmax
 * cross-entropy 6 per logit, dropout 1, Adam 16 per parameter.
 * Prints a markdown table: GFLOP/s per device and the ratio to the cpu backend.
 * Run with the source launcher: java -cp CLASSPATH devices.java [opencl-only]
 */
class Devices {

    /** One benchmark: an operation at a shape, its flop count, and how to set it up on an Ops. */
    record Case(String op, String shape, Precision precision, double flops, Function<Ops, Runnable> setup) {
    }

    static final List<Tensor> ALLOCATED = new ArrayList<>();

    static Tensor random(Ops ops, long seed, int... shape) {
        Tensor t = ops.allocate(shape);
        SplitMix64 r = new SplitMix64(seed);
        double[] v = new double[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        t.write(v);
        ALLOCATED.add(t);
        return t;
    }

    static Tensor zeros(Ops ops, int... shape) {
        Tensor t = ops.allocate(shape);
        ALLOCATED.add(t);
        return t;
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        for (Precision p : List.of(Precision.FP32, Precision.FP64)) {
            int n = 1024;
            c.add(new Case("gemm", "1024x1024x1024", p, 2.0 * n * n * n, ops -> {
                Tensor a = random(ops, 1, n, n), b = random(ops, 2, n, n), d = zeros(ops, n, n);
                return () -> ops.gemm(false, false, n, n, n, 1, a, n, b, n, 0, d, n);
            }));
            c.add(new Case("gemm A^T B", "1024x1024x1024", p, 2.0 * n * n * n, ops -> {
                Tensor a = random(ops, 1, n, n), b = random(ops, 2, n, n), d = zeros(ops, n, n);
                return () -> ops.gemm(true, false, n, n, n, 1, a, n, b, n, 0, d, n);
            }));
            Conv2dShape s = new Conv2dShape(128, 16, 32, 32, 16, 3, 1, 1);
            double convFlops = 2.0 * s.multiplyAdds();
            c.add(new Case("conv2dForward", "128x16x32x32 k3 16", p, convFlops, ops -> {
                Tensor x = random(ops, 3, s.inputSize()), w = random(ops, 4, s.weightSize()),
                        b = random(ops, 5, 16), y = zeros(ops, s.outputSize());
                return () -> ops.conv2dForward(s, x, w, b, y);
            }));
            c.add(new Case("conv2dBackwardData", "128x16x32x32 k3 16", p, convFlops, ops -> {
                Tensor dy = random(ops, 3, s.outputSize()), w = random(ops, 4, s.weightSize()),
                        dx = zeros(ops, s.inputSize());
                return () -> ops.conv2dBackwardData(s, dy, w, dx);
            }));
            c.add(new Case("conv2dBackwardFilter", "128x16x32x32 k3 16", p, convFlops, ops -> {
                Tensor x = random(ops, 3, s.inputSize()), dy = random(ops, 4, s.outputSize()),
                        dw = zeros(ops, s.weightSize()), db = zeros(ops, 16);
                return () -> ops.conv2dBackwardFilter(s, x, dy, dw, db);
            }));
        }
        Precision f = Precision.FP32;
        int batch = 64;
        c.add(new Case("gemmBatched", "64 x 128x128x128", f, 2.0 * batch * 128 * 128 * 128, ops -> {
            Tensor a = random(ops, 1, batch, 128, 128), b = random(ops, 2, batch, 128, 128),
                    d = zeros(ops, batch, 128, 128);
            int m = 128 * 128;
            return () -> ops.gemmBatched(false, false, 128, 128, 128, 1, a, 128, m, b, 128, m, 0, d, 128, m, batch);
        }));
        Conv2dShape first = new Conv2dShape(128, 3, 32, 32, 16, 3, 1, 1);
        c.add(new Case("conv2dForward", "128x3x32x32 k3 16", f, 2.0 * first.multiplyAdds(), ops -> {
            Tensor x = random(ops, 3, first.inputSize()), w = random(ops, 4, first.weightSize()),
                    y = zeros(ops, first.outputSize());
            return () -> ops.conv2dForward(first, x, w, null, y);
        }));
        Pool2dShape pool = new Pool2dShape(128, 16, 32, 32, 2, 2);
        c.add(new Case("pool2dForward max", "128x16x32x32 k2", f, pool.inputSize(), ops -> {
            Tensor x = random(ops, 6, pool.inputSize()), y = zeros(ops, pool.outputSize());
            return () -> ops.pool2dForward(pool, true, x, y);
        }));
        c.add(new Case("pool2dBackward max", "128x16x32x32 k2", f, pool.inputSize(), ops -> {
            Tensor x = random(ops, 6, pool.inputSize()), dy = random(ops, 7, pool.outputSize()),
                    dx = zeros(ops, pool.inputSize());
            return () -> ops.pool2dBackward(pool, true, x, dy, dx);
        }));
        int rows = 128, ch = 16, sp = 1024, values = rows * ch * sp;
        c.add(new Case("batchNormStatistics", "128x16x32x32", f, 3.0 * values, ops -> {
            Tensor x = random(ops, 8, values), mean = zeros(ops, ch), var = zeros(ops, ch);
            return () -> ops.batchNormStatistics(rows, ch, sp, x, mean, var);
        }));
        c.add(new Case("batchNormForward", "128x16x32x32", f, 4.0 * values, ops -> {
            Tensor x = random(ops, 8, values), mean = random(ops, 9, ch), var = zeros(ops, ch), g = random(ops, 10, ch),
                    b = random(ops, 11, ch), xhat = zeros(ops, values), y = zeros(ops, values);
            ops.fill(var, 1);
            return () -> ops.batchNormForward(rows, ch, sp, x, mean, var, 1e-5, g, b, xhat, y);
        }));
        c.add(new Case("batchNormBackward", "128x16x32x32", f, 7.0 * values, ops -> {
            Tensor dy = random(ops, 8, values), xhat = random(ops, 12, values), var = zeros(ops, ch),
                    g = random(ops, 10, ch), dx = zeros(ops, values), dg = zeros(ops, ch), db = zeros(ops, ch);
            ops.fill(var, 1);
            return () -> ops.batchNormBackward(rows, ch, sp, dy, xhat, var, 1e-5, g, true, dx, dg, db);
        }));
        int big = 1 << 22;
        c.add(new Case("activation relu", "4M", f, big, ops -> {
            Tensor x = random(ops, 13, big), y = zeros(ops, big);
            return () -> ops.activation(Activation.RELU, x, y);
        }));
        c.add(new Case("activationBackward tanh", "4M", f, big, ops -> {
            Tensor y = random(ops, 13, big), dy = random(ops, 14, big), dx = zeros(ops, big);
            return () -> ops.activationBackward(Activation.TANH, y, dy, dx);
        }));
        c.add(new Case("axpy", "4M", f, 2.0 * big, ops -> {
            Tensor x = random(ops, 13, big), y = random(ops, 14, big);
            return () -> ops.axpy(0.5, x, y);
        }));
        c.add(new Case("sum", "4M", f, big, ops -> {
            Tensor x = random(ops, 13, big), out = zeros(ops, 1);
            return () -> ops.sum(x, out);
        }));
        c.add(new Case("dropout", "4M", f, big, ops -> {
            Tensor x = random(ops, 13, big), mask = zeros(ops, big), y = zeros(ops, big);
            long[] seed = { 1 };
            return () -> ops.dropout(seed[0]++, 0.1, x, mask, y);
        }));
        c.add(new Case("softmaxCrossEntropy", "1024x1000", f, 6.0 * 1024 * 1000, ops -> {
            Tensor z = random(ops, 15, 1024, 1000), labels = zeros(ops, 1024), loss = zeros(ops, 1024),
                    dz = zeros(ops, 1024, 1000);
            double[] l = new double[1024];
            for (int i = 0; i < l.length; i++) {
                l[i] = (i * 7) % 1000;
            }
            labels.write(l);
            return () -> ops.softmaxCrossEntropy(1024, 1000, z, labels, 0.1, loss, dz);
        }));
        c.add(new Case("update adam", "4M", f, 16.0 * big, ops -> {
            UpdateRule rule = new UpdateRule.Adam(0.9, 0.999, 1e-8, 0, false, true, false);
            Tensor p = random(ops, 13, big), g = random(ops, 14, big);
            List<Tensor> state = List.of(zeros(ops, big), zeros(ops, big));
            long[] t = { 1 };
            return () -> ops.update(rule, t[0]++, 1e-3, p, g, state);
        }));
        return c;
    }

    /** Seconds per call: the best of 5 rounds, each doubling its calls until it takes 50 ms. */
    static double time(Ops ops, Runnable run) {
        run.run();
        ops.finish();
        int calls = 1;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                run.run();
            }
            ops.finish();
            double s = (System.nanoTime() - start) / 1e9;
            best = Math.min(best, s / calls);
            if (s < 0.05) {
                calls *= 2;
                round--;
            }
        }
        return best;
    }

    public static void main(String[] args) {
        List<Device> devices = new ArrayList<>();
        boolean openclOnly = args.length > 0 && args[0].equals("opencl-only");
        if (!openclOnly) {
            Blas blas = openBlas();
            devices.add(new CpuDevice(new CpuBackend(), blas, Runtime.getRuntime().availableProcessors(),
                    CpuDevice.MIN_PARALLEL_COST));
        }
        Backend opencl = new OpenClBackend();
        if (!opencl.availability().available()) {
            System.out.println("opencl: not available: " + opencl.availability().reason());
        }
        devices.addAll(opencl.devices());
        for (Device d : devices) {
            System.out.println("- " + d.id() + ": " + d.name() + " (" + d.driver() + "), " + d.computeUnits()
                    + " compute units, " + d.memoryBytes() / (1 << 20) + " MiB");
        }
        StringBuilder head = new StringBuilder("| op | shape | precision |");
        StringBuilder rule = new StringBuilder("|---|---|---|");
        for (Device d : devices) {
            head.append(' ').append(d.id()).append(" GFLOP/s |");
            rule.append("---|");
        }
        System.out.println();
        System.out.println(head);
        System.out.println(rule);
        for (Case c : cases()) {
            StringBuilder row = new StringBuilder("| " + c.op() + " | " + c.shape() + " | " + c.precision().id() + " |");
            double reference = Double.NaN;
            for (Device d : devices) {
                if (!d.supports(c.precision())) {
                    row.append(" - |");
                    continue;
                }
                Ops ops = d.ops(c.precision());
                double seconds;
                try {
                    seconds = time(ops, c.setup().apply(ops));
                } finally {
                    ALLOCATED.forEach(Tensor::close);
                    ALLOCATED.clear();
                }
                double gflops = c.flops() / seconds / 1e9;
                if (d instanceof CpuDevice) {
                    reference = gflops;
                    row.append(String.format(Locale.ROOT, " %.2f |", gflops));
                } else if (Double.isNaN(reference)) {
                    row.append(String.format(Locale.ROOT, " %.2f |", gflops));
                } else {
                    row.append(String.format(Locale.ROOT, " %.2f (%.2fx) |", gflops, gflops / reference));
                }
            }
            System.out.println(row);
        }
    }

    /** OpenBLAS through org.descent.nd4j's Blas when its jars are on the class path, else none (plain loops). */
    static Blas openBlas() {
        try {
            Blas b = (Blas) Class.forName("org.descent.nd4j.internal.OpenBlas").getConstructor().newInstance();
            b.sgemm(false, false, 1, 1, 1, 1, new float[1], 1, new float[1], 1, 0, new float[1], 1);
            return b;
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
