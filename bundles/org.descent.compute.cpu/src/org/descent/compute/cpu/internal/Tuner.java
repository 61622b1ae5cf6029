package org.descent.compute.cpu.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.descent.compute.Tuning;
import org.descent.core.Json;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The cpu backend's autotuner: for an operation and shape class it runs each candidate
 * implementation on the operation's own arguments, keeps the fastest (the default unless another
 * is clearly faster), and remembers the choice in
 * a cache file of this machine ({@code ~/.descent/tuning/cpu-<hash>.json}, or the folder of the
 * system property {@code descent.tuning}), keyed by the hardware fingerprint: CPU model, core
 * count, backend, device and driver (Java and BLAS versions). Another machine, or a changed
 * driver, finds no file of its own and tunes again. A cache file that cannot be read is reported
 * and replaced; it never stops an operation.
 * <p>
 * Candidates compute the same operation, so a choice changes only the order of sums (within the
 * operation's conformance tolerance), never the meaning. Shared by the devices of one backend;
 * choosing is serialised so that two threads never measure at once.
 */
public final class Tuner {

    /** Timed rounds over the candidates at most, and the time per candidate after which fewer suffice. */
    private static final int REPEATS = 3;
    private static final long ENOUGH_NANOS = 200_000_000L;

    /**
     * How much faster than the fixed default (the first candidate) another must measure to be
     * chosen: on small shapes the times of a few milliseconds move by more than the candidates
     * differ, and a choice made by noise can lose in a training step (ND4J's convolution of a
     * digits CNN layer measured 1.0 against 0.7 GFLOP/s and made the step slower).
     */
    static final double MARGIN = 1.1;

    /** The version of these rules, in the cache file: a file made by other rules is tuned again. */
    static final int RULES = 2;

    /** One implementation of an operation: its id (as the cache and provenance name it) and its plan. */
    public record Candidate<T>(String id, T plan) {
    }

    private final @Nullable Path file;
    private final String fingerprint;
    private final int forced;
    private final Map<String, Tuning> known = new LinkedHashMap<>();
    private boolean loaded;
    private boolean saveFailed;

    private Tuner(@Nullable Path file, String fingerprint, int forced) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.forced = forced;
    }

    /**
     * A tuner caching under {@code folder} for the machine described by {@code fingerprint}; the
     * file name is a hash of it, the file holds it in full.
     */
    public static Tuner cached(Path folder, String backend, String fingerprint) {
        return new Tuner(folder.resolve(backend + "-" + hash(fingerprint).substring(0, 16) + ".json"), fingerprint, -1);
    }

    /**
     * A tuner that measures nothing and uses the {@code index}-th candidate of every operation
     * (modulo their number), so that tests can check each candidate against the references.
     */
    public static Tuner forcing(int index) {
        return new Tuner(null, "forced", index);
    }

    /** The cache folder: the system property {@code descent.tuning}, else {@code ~/.descent/tuning}. */
    public static Path standardFolder() {
        String configured = System.getProperty("descent.tuning");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".descent", "tuning");
    }

    /** The cache file, or null for a forcing tuner. */
    public @Nullable Path file() {
        return file;
    }

    /** The machine's fingerprint the cache is keyed by. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * The candidate to use for {@code operation} on {@code shape}: the cached choice if there is
     * one among the candidates; else, when {@code measure}, each candidate is run (after
     * {@code reset}, which restores what the operation overwrites or accumulates into) once to
     * warm up and then in up to {@value #REPEATS} timed rounds over all of them, and the fastest
     * (least time) is kept and saved, unless it is not {@link #MARGIN} times faster than the first
     * candidate, the fixed default, which is kept then; without {@code measure} the default,
     * unrecorded.
     *
     * @param flops floating-point operations of one run (2 per multiply-add), for GFLOP/s
     */
    public synchronized <T> Tuning choose(String operation, String shape, double flops, List<Candidate<T>> candidates,
            boolean measure, Runnable reset, Consumer<T> run) {
        if (forced >= 0) {
            return new Tuning(operation, shape, Map.of(), candidates.get(forced % candidates.size()).id(), false);
        }
        if (!measure) {
            return new Tuning(operation, shape, Map.of(), candidates.get(0).id(), false);
        }
        load();
        String key = operation + " " + shape;
        Tuning t = known.get(key);
        if (t != null && candidates.stream().anyMatch(c -> c.id().equals(t.choice()))) {
            return t;
        }
        // rounds over the candidates, each once per round, so that the first does not alone pay for
        // compiling the code they share; the least time of each counts
        int size = candidates.size();
        long[] least = new long[size];
        Arrays.fill(least, Long.MAX_VALUE);
        for (Candidate<T> c : candidates) {
            reset.run();
            run.accept(c.plan());
        }
        long spent = 0;
        for (int round = 0; round < REPEATS && spent < ENOUGH_NANOS * size; round++) {
            for (int i = 0; i < size; i++) {
                reset.run();
                long t0 = System.nanoTime();
                run.accept(candidates.get(i).plan());
                long dt = Math.max(1, System.nanoTime() - t0);
                least[i] = Math.min(least[i], dt);
                spent += dt;
            }
        }
        Map<String, Double> gflops = new LinkedHashMap<>();
        int best = 0;
        for (int i = 0; i < size; i++) {
            gflops.put(candidates.get(i).id(), flops / least[i]);
            if (least[i] * MARGIN < least[0] && (best == 0 || least[i] < least[best])) {
                best = i;
            }
        }
        reset.run();
        Tuning tuned = new Tuning(operation, shape, gflops, candidates.get(best).id(), false);
        known.put(key, tuned);
        save();
        return tuned;
    }

    /** Reads the cache file once; a file that cannot be read is reported and left to be replaced. */
    private void load() {
        if (loaded || file == null) {
            return;
        }
        loaded = true;
        Path f = file;
        if (!Files.isRegularFile(f)) {
            return;
        }
        try {
            Object root = Json.parse(Files.readString(f, StandardCharsets.UTF_8));
            if (!(root instanceof Map<?, ?> m) || !(m.get("entries") instanceof List<?> entries)) {
                throw new IllegalArgumentException("expected an object with \"fingerprint\" and \"entries\"");
            }
            if (!fingerprint.equals(m.get("fingerprint"))) {
                return; // another machine's file under the same hash prefix: tune again and replace it
            }
            if (!(m.get("rules") instanceof Number r && r.intValue() == RULES)) {
                return; // chosen by other rules (an older Descent): tune again and replace it
            }
            Map<String, Tuning> read = new LinkedHashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                if (!(entries.get(i) instanceof Map<?, ?> e) || !(e.get("operation") instanceof String op)
                        || !(e.get("shape") instanceof String shape) || !(e.get("choice") instanceof String choice)
                        || !(e.get("gflops") instanceof Map<?, ?> g)) {
                    throw new IllegalArgumentException("entry " + i
                            + ": expected operation, shape and choice (strings) and gflops (an object)");
                }
                Map<String, Double> gflops = new LinkedHashMap<>();
                for (Map.Entry<?, ?> ge : g.entrySet()) {
                    if (!(ge.getValue() instanceof Number n)) {
                        throw new IllegalArgumentException("entry " + i + ": gflops of " + ge.getKey() + " is not a number");
                    }
                    gflops.put(String.valueOf(ge.getKey()), n.doubleValue());
                }
                read.put(op + " " + shape, new Tuning(op, shape, gflops, choice, true));
            }
            known.putAll(read);
        } catch (IOException | IllegalArgumentException e) {
            warn("the tuning cache " + f + " cannot be read (" + e.getMessage() + "): tuning again and replacing it");
        }
    }

    private void save() {
        Path f = file;
        if (f == null || saveFailed) {
            return;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Tuning t : known.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("operation", t.operation());
            e.put("shape", t.shape());
            e.put("choice", t.choice());
            e.put("gflops", t.gflops());
            entries.add(e);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("fingerprint", fingerprint);
        root.put("rules", RULES);
        root.put("entries", entries);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), f.getFileName().toString(), ".tmp");
            Files.writeString(tmp, Json.write(root) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            saveFailed = true;
            warn("the tuning cache " + f + " cannot be written (" + e + "): choices are kept for this process only");
        }
    }

    /** On standard error, where the command line shows it: a tuning cache problem costs time, not results. */
    private static void warn(String message) {
        System.err.println("descent: warning: " + message);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
