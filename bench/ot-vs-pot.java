import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.descent.analysis.distributions.Transport;
import org.descent.compute.Ops;
import org.descent.compute.cpu.internal.CpuBackend;
import org.descent.core.Precision;

/**
 * Descent's side of bench/ot-vs-pot: times Transport.costMatrix + Transport.sinkhorn (eps 0.05,
 * 1000 iterations, tol 1e-9, as POT's sinkhorn2 defaults) and Transport.costMatrix +
 * Transport.exact on DIR/x.csv and DIR/y.csv, uniform weights, Transport.sinkhornLog (at most 3
 * repeats), and Transport.sinkhorn on the cpu backend's device in fp64 with every core (what
 * {@code descent analyze wasserstein --method sinkhorn} runs; plain Java loops, no BLAS outside
 * OSGi). Prints JSON like ot-vs-pot.py.
 * Run with the source launcher: java -cp CLASSES ot-vs-pot.java DIR REPEATS
 */
public class OtVsPot {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        double[] x = read(dir.resolve("x.csv"));
        double[] y = read(dir.resolve("y.csv"));
        int n = x.length / 2;
        int m = y.length / 2;
        double[] a = new double[n];
        double[] b = new double[m];
        Arrays.fill(a, 1.0 / n);
        Arrays.fill(b, 1.0 / m);
        List<String> sinkhorn = new ArrayList<>();
        List<String> exact = new ArrayList<>();
        Transport.SinkhornResult s = null;
        Transport.ExactResult e = null;
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            s = Transport.sinkhorn(a, b, Transport.costMatrix(x, y, 2, Transport.Metric.SQEUCLIDEAN), 0.05, 1000, 1e-9, null);
            sinkhorn.add(Double.toString((System.nanoTime() - t) / 1e9));
            t = System.nanoTime();
            e = Transport.exact(a, b, Transport.costMatrix(x, y, 2, Transport.Metric.SQEUCLIDEAN), null);
            exact.add(Double.toString((System.nanoTime() - t) / 1e9));
        }
        List<String> log = new ArrayList<>();
        Transport.SinkhornResult l = null;
        for (int r = 0; r < Math.min(3, repeats); r++) {
            long t = System.nanoTime();
            l = Transport.sinkhornLog(a, b, Transport.costMatrix(x, y, 2, Transport.Metric.SQEUCLIDEAN), 0.05, 1000, 1e-9,
                    false, null);
            log.add(Double.toString((System.nanoTime() - t) / 1e9));
        }
        List<String> device = new ArrayList<>();
        Ops ops = new CpuBackend().device().ops(Precision.FP64);
        Transport.SinkhornResult sd = null;
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            sd = Transport.sinkhorn(ops, a, b, Transport.costMatrix(x, y, 2, Transport.Metric.SQEUCLIDEAN), 0.05, 1000, 1e-9,
                    null);
            device.add(Double.toString((System.nanoTime() - t) / 1e9));
        }
        System.out.printf(Locale.ROOT,
                "{\"sinkhorn\": [%s], \"exact\": [%s], \"sinkhorn_log\": [%s], \"sinkhorn_cost\": %s, \"sinkhorn_iterations\": %d,"
                        + " \"exact_cost\": %s, \"pivots\": %d, \"sinkhorn_log_cost\": %s, \"sinkhorn_device\": [%s],"
                        + " \"sinkhorn_device_cost\": %s, \"device_threads\": %d}%n",
                String.join(", ", sinkhorn), String.join(", ", exact), String.join(", ", log), s.cost(), s.iterations(),
                e.cost(), e.pivots(), l.cost(), String.join(", ", device), sd.cost(), ops.device().threads());
    }

    private static double[] read(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        double[] v = new double[lines.size() * 2];
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",");
            v[2 * i] = Double.parseDouble(f[0]);
            v[2 * i + 1] = Double.parseDouble(f[1]);
        }
        return v;
    }
}
