package org.descent.profiler.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The main class of a child JVM of the process mode: runs one share of a workload and prints one
 * line, {@value #MARKER} followed by key=value pairs (wall_ns, cpu_ns, total_cpu_ns, hash, and for
 * rounds lat_n, lat_mean_ns, lat_max_ns). JDK only, so that it runs from a copy of its class file.
 * <p>
 * Arguments: {@code cpu COUNT SEED [until-eof]} (until-eof: then keep counting until standard
 * input ends), {@code io NANOS} or {@code rounds COUNT NANOS RESPONSE_TICKS}.
 */
public final class ChildMain {

    /** Start of the result line. */
    public static final String MARKER = "descent-gil-child";

    private ChildMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long c0 = mx.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long hash = 0;
        String extra = "";
        switch (args[0]) {
        case "cpu" -> {
            hash = Kernels.countdown(Long.parseLong(args[1]), Long.parseLong(args[2]));
            if (args.length > 3 && args[3].equals("until-eof")) {
                hash = untilEndOfInput(hash);
            }
        }
        case "io" -> sleep(Long.parseLong(args[1]));
        case "rounds" -> {
            int rounds = Integer.parseInt(args[1]);
            long nanos = Long.parseLong(args[2]);
            long ticks = Long.parseLong(args[3]);
            long max = 0;
            double sum = 0;
            for (int r = 0; r < rounds; r++) {
                long due = System.nanoTime() + nanos;
                sleep(nanos);
                long late = Math.max(0, System.nanoTime() - due);
                sum += late;
                max = Math.max(max, late);
                hash += Kernels.countdown(ticks, r);
            }
            extra = String.format(Locale.ROOT, " lat_n=%d lat_mean_ns=%.1f lat_max_ns=%d", rounds, sum / rounds, max);
        }
        default -> throw new IllegalArgumentException("unknown share '" + args[0] + "', expected cpu, io or rounds");
        }
        long wall = System.nanoTime() - start;
        long cpu = mx.getCurrentThreadCpuTime() - c0;
        long total = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        System.out.println(MARKER + " wall_ns=" + wall + " cpu_ns=" + cpu + " total_cpu_ns=" + total + " hash=" + hash
                + extra);
    }

    /** Keeps counting until standard input ends (the parent closes it when the I/O child is done). */
    private static long untilEndOfInput(long seed) throws InterruptedException {
        AtomicBoolean ended = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // wait for the end
                }
            } catch (IOException e) {
                // closed: the end as well
            }
            ended.set(true);
        }, "stdin");
        reader.setDaemon(true);
        reader.start();
        long h = seed;
        while (!ended.get()) {
            h = Kernels.countdown(1 << 14, h);
        }
        return h;
    }

    private static void sleep(long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
