import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.descent.ui.profiler.jvm.JvmActivity;
import org.descent.ui.profiler.jvm.JvmRecorder;

/**
 * Descent's side of bench/jvm-recorder-overhead: a training-like load (THREADS threads, each
 * multiplying fresh 64x64 matrices, allocating about 100 KB per product, and taking a shared lock
 * every 20 products) timed with the JVM Threads view's recorder off and on (Flight Recorder
 * streaming + 10 Hz thread-state sampling), alternating, REPEATS times each. Prints the median
 * wall times and the slowdown, the JVM's CPU time (the recorder's threads included) and what the
 * recorder saw in its last run.
 * Run with the source launcher: java -cp CLASSES jvm-recorder-overhead.java THREADS REPEATS
 */
public class JvmRecorderOverhead {

    static final Object LOCK = new Object();
    static volatile double sink;

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int repeats = Integer.parseInt(args[1]);
        int products = 12000;
        load(threads, products / 4); // warm-up: JIT
        List<Double> off = new ArrayList<>();
        List<Double> on = new ArrayList<>();
        List<Double> cpuOff = new ArrayList<>();
        List<Double> cpuOn = new ArrayList<>();
        JvmActivity seen = null;
        for (int r = 0; r < repeats; r++) {
            double c0 = cpu();
            off.add(load(threads, products));
            cpuOff.add(cpu() - c0);
            try (JvmRecorder recorder = new JvmRecorder()) {
                recorder.start();
                double c1 = cpu();
                on.add(load(threads, products));
                cpuOn.add(cpu() - c1);
                recorder.stop();
                seen = recorder.snapshot();
            }
        }
        double mOff = median(off);
        double mOn = median(on);
        System.out.printf(Locale.ROOT, "wall s median (min..max) over %d repeats, %d threads x %d products:%n", repeats,
                threads, products);
        System.out.printf(Locale.ROOT, "  recorder off %.3f (%.3f..%.3f)%n", mOff, min(off), max(off));
        System.out.printf(Locale.ROOT, "  recorder on  %.3f (%.3f..%.3f)%n", mOn, min(on), max(on));
        System.out.printf(Locale.ROOT, "  wall slowdown %.1f%%%n", 100 * (mOn / mOff - 1));
        System.out.printf(Locale.ROOT, "  JVM CPU s median: recorder off %.3f, on %.3f: %.1f%% more CPU%n",
                median(cpuOff), median(cpuOn), 100 * (median(cpuOn) / median(cpuOff) - 1));
        System.out.println("  last recording: " + seen.summary());
    }

    /** CPU seconds this JVM has used (all its threads, the recorder's included). */
    static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** Wall seconds for every thread to do its products. */
    static double load(int threads, int products) throws InterruptedException {
        List<Thread> ts = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                double acc = 0;
                for (int p = 0; p < products; p++) {
                    double[] a = new double[64 * 64];
                    double[] b = new double[64 * 64];
                    Arrays.fill(a, p);
                    Arrays.fill(b, 1.0 / (p + 1));
                    double[] c = new double[64 * 64];
                    for (int i = 0; i < 64; i++) {
                        for (int k = 0; k < 64; k++) {
                            double x = a[i * 64 + k];
                            for (int j = 0; j < 64; j++) {
                                c[i * 64 + j] += x * b[k * 64 + j];
                            }
                        }
                    }
                    acc += c[p % c.length];
                    if (p % 20 == 0) {
                        synchronized (LOCK) {
                            sink += acc;
                        }
                    }
                }
                sink += acc;
            }, "load-" + t);
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
