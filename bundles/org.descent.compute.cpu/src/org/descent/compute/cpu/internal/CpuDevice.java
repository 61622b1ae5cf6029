package org.descent.compute.cpu.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.descent.compute.Backend;
import org.descent.compute.Conv2dShape;
import org.descent.compute.ComputeException;
import org.descent.compute.Device;
import org.descent.compute.DeviceKind;
import org.descent.compute.HostConvolution;
import org.descent.compute.Ops;
import org.descent.compute.Tensor;
import org.descent.compute.Tuning;
import org.descent.core.Blas;
import org.descent.core.Precision;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The host's cores: Java arrays, the {@link Blas} service (or plain loops without one), and a
 * pool of {@code threads} daemon threads shared by the device's Ops.
 */
public final class CpuDevice implements Device {

    private final Backend backend;
    private final @Nullable Blas blas;
    private final int threads;
    private final long minParallelCost;
    private final @Nullable Tuner tuner;
    private final List<HostConvolution> libraries;
    private final boolean autotune;
    /** The tunings the device's operations used, by operation and shape, in the order first used. */
    private final Map<String, Tuning> used = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile @Nullable ExecutorService pool;

    /**
     * A device that splits operations of at least {@code minParallelCost} element operations over
     * its threads (tests use 0 to split every operation), without autotuning: every operation uses
     * its fixed default implementation.
     */
    public CpuDevice(Backend backend, @Nullable Blas blas, int threads, long minParallelCost) {
        this(backend, blas, threads, minParallelCost, null, List.of(), false);
    }

    /**
     * A device whose operations choose among their candidate implementations, its own and the
     * {@code libraries}' convolutions, with {@code tuner} (measuring when {@code autotune}, else
     * its fixed defaults; a forcing tuner chooses even so).
     */
    public CpuDevice(Backend backend, @Nullable Blas blas, int threads, long minParallelCost, @Nullable Tuner tuner,
            List<HostConvolution> libraries, boolean autotune) {
        this.minParallelCost = minParallelCost;
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.backend = backend;
        this.blas = blas;
        this.threads = threads;
        this.tuner = tuner;
        this.libraries = List.copyOf(libraries);
        this.autotune = autotune;
    }

    @Override
    public Backend backend() {
        return backend;
    }

    @Override
    public String id() {
        return backend.id();
    }

    @Override
    public String name() {
        String model = cpuModel();
        int cores = Runtime.getRuntime().availableProcessors();
        return (model.isEmpty() ? System.getProperty("os.arch") : model) + " (" + cores + (cores == 1 ? " core)" : " cores)");
    }

    /** The model name from /proc/cpuinfo, or empty where there is none. */
    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    int colon = line.indexOf(':');
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture stands in
        }
        return "";
    }

    @Override
    public String driver() {
        return driver(blas);
    }

    private static String driver(@Nullable Blas b) {
        return "Java " + Runtime.version().feature() + ", " + (b == null ? "plain Java loops (no BLAS service)" : b.name());
    }

    /** The libraries' convolutions among the candidates. */
    public List<HostConvolution> libraries() {
        return libraries;
    }

    /** The BLAS service, or null for plain loops. */
    public @Nullable Blas blas() {
        return blas;
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.CPU;
    }

    @Override
    public long memoryBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public int computeUnits() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public Device withThreads(int n) {
        return n == threads ? this : new CpuDevice(backend, blas, n, minParallelCost, tuner, libraries, autotune);
    }

    @Override
    public boolean autotune() {
        return autotune && tuner != null;
    }

    @Override
    public Device withAutotune(boolean on) {
        return on == autotune || tuner == null ? this : new CpuDevice(backend, blas, threads, minParallelCost, tuner, libraries,
                on);
    }

    @Override
    public List<Tuning> tunings() {
        synchronized (used) {
            return List.copyOf(used.values());
        }
    }

    /**
     * The machine's hardware fingerprint the tuning cache of a cpu device is keyed by: CPU model,
     * cores, backend, device (the backend's one device has the backend's id) and driver (Java and BLAS).
     */
    static String fingerprint(Backend backend, @Nullable Blas blas) {
        return "cpu model " + cpuModel() + "; " + Runtime.getRuntime().availableProcessors() + " cores; backend "
                + backend.id() + "; device " + backend.id() + "; driver " + driver(blas);
    }

    /**
     * The plan of a convolution pass: the tuner's choice among {@link ConvPlan#candidates} that
     * schedule the pass differently (plans that split and block this shape alike are tried once),
     * and for the forward pass the libraries' convolutions.
     */
    ConvPlan convPlan(String operation, Precision precision, Conv2dShape s, Consumer<ConvPlan> run) {
        Tuner t = tuner;
        if (t == null) {
            return ConvPlan.standard(threads);
        }
        List<Tuner.Candidate<ConvPlan>> candidates = new ArrayList<>();
        Set<List<Object>> schedules = new HashSet<>();
        for (ConvPlan p : ConvPlan.candidates(threads, operation.equals("conv2dForward"), libraries)) {
            if (schedules.add(List.of(p.parts(this, s.batch(), s.multiplyAdds()), p.chunk(s, s.batch()),
                    p.library() == null ? "" : p.id()))) {
                candidates.add(new Tuner.Candidate<>(p.id(), p));
            }
        }
        String shape = precision.id() + " " + s.batch() + "x" + s.inChannels() + "x" + s.height() + "x" + s.width()
                + " k" + s.kernel() + " s" + s.stride() + " p" + s.padding() + " -> " + s.outChannels() + ", "
                + threadsText();
        return choose(t, operation, shape, 2.0 * s.multiplyAdds(), candidates, () -> {
        }, run);
    }

    /** Products of at least this many multiply-adds split their rows over the threads by default. */
    static final long MIN_SPLIT_PRODUCT = 1L << 21;

    /**
     * The host threads of a (batched) GEMM: every thread or one, chosen by the tuner for products
     * large enough to be split at all.
     *
     * @param reset restores C between measured runs (when beta is not 0)
     */
    int gemmThreads(Precision precision, boolean transA, boolean transB, int m, int n, int k, int batch, Runnable reset,
            IntConsumer run) {
        Tuner t = tuner;
        long cost = (long) batch * m * n * k;
        boolean splits = batch > 1 ? parts(batch, cost) > 1 : cost >= MIN_SPLIT_PRODUCT && m >= 32;
        if (t == null || threads == 1 || !splits) {
            return threads;
        }
        List<Tuner.Candidate<Integer>> candidates = List.of(new Tuner.Candidate<>(threads + "t", threads),
                new Tuner.Candidate<>("1t", 1));
        String shape = precision.id() + " " + (batch > 1 ? batch + "x " : "") + m + "x" + k + (transA ? "ᵀ" : "")
                + " · " + k + "x" + n + (transB ? "ᵀ" : "") + ", " + threadsText();
        return choose(t, batch > 1 ? "gemmBatched" : "gemm", shape, 2.0 * cost, candidates, reset, run::accept);
    }

    /**
     * Operations of fewer floating-point operations keep the fixed default: measured at first use they
     * time the JIT's warm-up and the threads' wake-up, not the candidates (the digits CNN's
     * convolutions, 1-5 MFLOP at batch 128, picked ND4J's on 2 threads and trained at half the speed of
     * the defaults). ResNet-20's smallest, its stem at batch 16, is 14 MFLOP.
     */
    static final double MIN_TUNED_FLOPS = 8e6;

    private <T> T choose(Tuner t, String operation, String shape, double flops, List<Tuner.Candidate<T>> candidates,
            Runnable reset, Consumer<T> run) {
        Tuning tuning = t.choose(operation, shape, flops, candidates, autotune && flops >= MIN_TUNED_FLOPS, reset, run);
        used.putIfAbsent(tuning.operation() + " " + tuning.shape(), tuning);
        for (Tuner.Candidate<T> c : candidates) {
            if (c.id().equals(tuning.choice())) {
                return c.plan();
            }
        }
        throw new IllegalStateException("the tuner chose " + tuning.choice() + ", not a candidate of " + operation);
    }

    private String threadsText() {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    @Override
    public boolean supports(Precision precision) {
        return precision == Precision.FP32 || precision == Precision.FP64;
    }

    @Override
    public Tensor allocate(Precision precision, int... shape) {
        requireSupported(precision);
        try {
            return CpuTensor.allocate(this, precision, shape);
        } catch (OutOfMemoryError e) {
            throw new ComputeException(id() + ": out of memory allocating a " + precision.id() + " tensor of "
                    + java.util.Arrays.toString(shape), e);
        }
    }

    @Override
    public Ops ops(Precision precision) {
        requireSupported(precision);
        return precision == Precision.FP32 ? new F32Ops(this) : new F64Ops(this);
    }

    private void requireSupported(Precision precision) {
        if (!supports(precision)) {
            throw new IllegalArgumentException("the cpu backend computes in fp32 or fp64, not " + precision.id());
        }
    }

    /**
     * Element operations below which an operation runs on the calling thread alone by default:
     * handing work to another thread costs tens of microseconds, more than small layers take.
     */
    public static final long MIN_PARALLEL_COST = 1L << 18;

    /**
     * The parts to split {@code items} into for an operation of {@code cost} element operations:
     * up to one per thread, one when the operation is small. Depends on the thread count and the
     * shape only, so a thread count gives the same bits on every run.
     */
    int parts(int items, long cost) {
        return parts(items, cost, threads);
    }

    /** {@link #parts(int, long)} with at most {@code most} threads. */
    int parts(int items, long cost, int most) {
        return cost < minParallelCost ? 1 : Math.max(1, Math.min(Math.min(threads, most), items));
    }

    /** A task over part {@code part} of {@code parts}. */
    interface Part {
        void run(int part, int parts);
    }

    /**
     * Runs {@code body} for parts 0..parts-1 with {@code parts = min(threads, limit)}, the calling
     * thread taking part 0, and waits for all. The partition depends on the thread count only.
     */
    void parallel(int limit, Part body) {
        int parts = Math.max(1, Math.min(threads, limit));
        if (parts == 1) {
            body.run(0, 1);
            return;
        }
        ExecutorService p = pool();
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int t = 1; t < parts; t++) {
            int part = t;
            futures[t - 1] = p.submit(() -> body.run(part, parts));
        }
        RuntimeException failure = null;
        try {
            body.run(0, parts);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ComputeException(id() + ": interrupted", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new ComputeException(id() + ": " + e.getCause(), e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private ExecutorService pool() {
        ExecutorService p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    AtomicInteger n = new AtomicInteger();
                    p = Executors.newFixedThreadPool(threads - 1, r -> {
                        Thread t = new Thread(r, "descent-cpu-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                    pool = p;
                }
            }
        }
        return p;
    }

    /** First index of part {@code part} when {@code n} items are split into {@code parts} contiguous parts. */
    static int start(int n, int part, int parts) {
        return (int) ((long) n * part / parts);
    }

    @Override
    public String toString() {
        return id() + " " + List.of(name(), driver(), threads + " threads");
    }
}
