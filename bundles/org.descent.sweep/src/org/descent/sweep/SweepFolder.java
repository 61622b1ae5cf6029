package org.descent.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.descent.core.Csv;
import org.descent.core.Json;
import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.RunAnalysis;
import org.descent.experiment.RunFolder;
import org.descent.experiment.internal.AtomicFiles;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Run;

/**
 * A sweep's folder in the run store: {@value #SWEEP_FILE} (the study, the trials with their
 * parameters and status, the process running it), {@value #EXPERIMENT_FILE} (the experiment
 * every trial starts from) and {@code trials/NNN/}, one ordinary run folder per trial.
 */
public final class SweepFolder {

    public static final String SWEEP_FILE = "sweep.json";
    public static final String EXPERIMENT_FILE = "experiment.descent";
    public static final String TRIALS = "trials";

    /** A trial's status in the sweep file before its run ends. */
    public static final String PENDING = "pending";
    /** The status of a trial ASHA stopped. */
    public static final String STOPPED = "stopped";
    /** The statuses of the trials the study's analyses run on, at their last checkpoint. */
    public static final Set<String> ANALYSED = Set.of(RunStatus.DONE.id(), RunStatus.DIVERGED.id(), STOPPED);
    /** The swept parameter a study multiplies the leading eigenvalues by ({@link #figures}). */
    public static final String LEARNING_RATE = "optimizer.lr";

    private final Path dir;

    public SweepFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path sweepFile() {
        return dir.resolve(SWEEP_FILE);
    }

    /** Whether the folder holds a sweep file. */
    public boolean isSweep() {
        return Files.isRegularFile(sweepFile());
    }

    /** The run folder of a trial. */
    public RunFolder trial(int index) {
        return new RunFolder(dir.resolve(TRIALS).resolve(String.format("%03d", index)));
    }

    /**
     * A new sweep folder {@code yyyyMMdd-HHmmss-sweep-<label>} in a run store's root, with a suffix when taken.
     */
    public static Path newFolder(Path root, String label) throws IOException {
        Files.createDirectories(root);
        String base = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-sweep-"
                + label.replaceAll("[^A-Za-z0-9._-]", "_");
        for (int i = 1;; i++) {
            Path d = root.resolve(i == 1 ? base : base + "-" + i);
            try {
                Files.createDirectory(d);
                return d;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
    }

    /**
     * Writes a new sweep into an empty (or new) folder: the experiment, the study and its trials, all pending.
     *
     * @throws IOException naming the folder when it is not empty
     */
    public static SweepFolder create(Path dir, Experiment base, Study study, List<SearchSpace.Trial> trials)
            throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(dir + " is not empty: choose a new folder for the sweep");
                }
            }
        }
        Files.createDirectories(dir.resolve(TRIALS));
        SweepFolder f = new SweepFolder(dir);
        ExperimentFiles.save(org.eclipse.emf.ecore.util.EcoreUtil.copy(base), dir.resolve(EXPERIMENT_FILE));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", 1);
        m.put("name", base.getName());
        m.put("study", study.toJson());
        m.put("status", "created");
        List<Object> list = new ArrayList<>();
        for (SearchSpace.Trial t : trials) {
            Map<String, Object> tj = new LinkedHashMap<>();
            tj.put("trial", t.index());
            tj.put("run", f.dir().relativize(f.trial(t.index()).dir()).toString());
            tj.put("parameters", t.values());
            tj.put("status", PENDING);
            list.add(tj);
        }
        m.put("trials", list);
        f.write(m);
        return f;
    }

    /** The experiment every trial starts from. */
    public Experiment experiment() throws ExperimentException {
        return ExperimentFiles.loadExperiment(dir.resolve(EXPERIMENT_FILE));
    }

    /**
     * The sweep file as a JSON object.
     *
     * @throws IOException naming the folder when it holds no sweep, or the file when it is no JSON object
     */
    public Map<String, Object> read() throws IOException {
        if (!isSweep()) {
            throw new IOException(dir + ": not a sweep folder (no " + SWEEP_FILE + ")");
        }
        Object o;
        try {
            o = Json.parse(Files.readString(sweepFile(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(sweepFile() + ": " + e.getMessage());
        }
        if (!(o instanceof Map<?, ?> map)) {
            throw new IOException(sweepFile() + ": not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) map;
        return m;
    }

    /** Writes the sweep file whole or not at all. */
    public synchronized void write(Map<String, Object> sweep) throws IOException {
        AtomicFiles.write(sweepFile(), Json.write(sweep) + "\n");
    }

    /** The study the sweep file holds. */
    public Study study() throws IOException {
        Object s = read().get("study");
        if (!(s instanceof Map<?, ?> m)) {
            throw new IOException(sweepFile() + ": no study");
        }
        return Study.fromJson(m, sweepFile().toString());
    }

    /** The trials the sweep file holds, with their parameters. */
    public List<SearchSpace.Trial> trials() throws IOException {
        List<SearchSpace.Trial> trials = new ArrayList<>();
        for (Map<?, ?> t : trialObjects(read())) {
            Map<String, String> values = new LinkedHashMap<>();
            ((Map<?, ?>) t.get("parameters")).forEach((k, v) -> values.put((String) k, (String) v));
            trials.add(new SearchSpace.Trial(((Number) t.get("trial")).intValue(), values));
        }
        return trials;
    }

    static List<Map<?, ?>> trialObjects(Map<String, Object> sweep) {
        List<Map<?, ?>> list = new ArrayList<>();
        if (sweep.get("trials") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m) {
                    list.add(m);
                }
            }
        }
        return list;
    }

    /**
     * The metric at the end of each epoch of a run, by epochs completed (1-based), from its
     * metrics.csv: complete rows only, up to {@code lastStep}.
     */
    public static TreeMap<Integer, Double> metricByEpoch(RunFolder run, String metric, long lastStep) throws IOException {
        TreeMap<Integer, Double> values = new TreeMap<>();
        Path file = run.metricsFile();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            return values;
        }
        List<String> header = Csv.parseLine(lines[0], file.toString());
        int step = header.indexOf("step");
        int epoch = header.indexOf("epoch");
        int column = header.indexOf(metric);
        if (step < 0 || epoch < 0 || column < 0) {
            throw new IOException(file + ": no column '" + metric + "'");
        }
        for (int i = 1; i < lines.length; i++) {
            List<String> cells = Csv.parseLine(lines[i], file + ", line " + (i + 1));
            if (cells.size() != header.size() || cells.get(column).isEmpty()) {
                continue;
            }
            try {
                if (Long.parseLong(cells.get(step)) > lastStep) {
                    break;
                }
                values.put(Integer.parseInt(cells.get(epoch)) + 1, Double.parseDouble(cells.get(column)));
            } catch (NumberFormatException e) {
                throw new IOException(file + ", line " + (i + 1) + ": not a number in '" + lines[i] + "'");
            }
        }
        return values;
    }

    /**
     * One trial as it stands.
     *
     * @param status its run's status (done, running, interrupted, ...), {@value #STOPPED} when
     *            ASHA stopped it, {@value #PENDING} before it starts
     * @param message why it ended, from its run
     * @param best the best value of the metric over its epochs, NaN when it has none yet
     * @param bestEpoch the epoch (1-based) of the best value, 0 when none
     * @param last the metric at its last epoch
     * @param epochs epochs it completed
     * @param analyses the study's analyses stored for it: each one's folder under the run
     *            ({@code analyses/hessian-...}), or why it failed, by the analysis' text
     * @param figures its columns from the analyses, in order ({@link #figures})
     */
    public record TrialState(int index, Path run, Map<String, String> parameters, String status, String message,
            double best, int bestEpoch, double last, int epochs, Map<String, String> analyses,
            Map<String, Double> figures) {

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("trial", index);
            m.put("run", run.toString());
            m.put("parameters", parameters);
            m.put("status", status);
            m.put("message", message);
            m.put("best", best);
            m.put("best_epoch", bestEpoch);
            m.put("last", last);
            m.put("epochs", epochs);
            m.put("analyses", analyses);
            m.put("figures", figures);
            return m;
        }
    }

    /** Every trial as it stands now, from its run folder and the sweep file, in trial order. */
    public List<TrialState> states() throws IOException {
        Map<String, Object> sweep = read();
        Study study = study();
        List<TrialState> states = new ArrayList<>();
        for (Map<?, ?> t : trialObjects(sweep)) {
            int index = ((Number) t.get("trial")).intValue();
            Map<String, String> values = new LinkedHashMap<>();
            ((Map<?, ?>) t.get("parameters")).forEach((k, v) -> values.put((String) k, (String) v));
            RunFolder run = trial(index);
            String status = String.valueOf(t.get("status"));
            String message = "";
            if (run.isRun()) {
                try {
                    Run r = run.readRun();
                    message = r.getMessage() == null ? "" : r.getMessage();
                    if (!STOPPED.equals(status)) {
                        status = RunFolder.effectiveStatus(r).id();
                    }
                } catch (ExperimentException e) {
                    message = String.join("; ", e.problems());
                }
            }
            TreeMap<Integer, Double> series = metricByEpoch(run, study.metric(), Long.MAX_VALUE);
            double best = Double.NaN;
            int bestEpoch = 0;
            for (Map.Entry<Integer, Double> e : series.entrySet()) {
                if (study.better(e.getValue(), best)) {
                    best = e.getValue();
                    bestEpoch = e.getKey();
                }
            }
            Map<String, String> analyses = new LinkedHashMap<>();
            Map<String, Double> figures = new LinkedHashMap<>();
            Map<?, ?> records = t.get("analyses") instanceof Map<?, ?> a ? a : Map.of();
            for (String text : study.analyses()) {
                if (!(records.get(text) instanceof Map<?, ?> r)) {
                    continue;
                }
                if (r.get("folder") instanceof String f) {
                    analyses.put(text, f);
                    Path file = run.dir().resolve(f).resolve("result.json");
                    Object result;
                    try {
                        result = Json.parse(Files.readString(file, StandardCharsets.UTF_8));
                    } catch (IOException | IllegalArgumentException e) {
                        throw new IOException(file + ": " + e.getMessage(), e);
                    }
                    if (result instanceof Map<?, ?> m) {
                        figures.putAll(figures(RunAnalysis.Spec.parse(text).id(), m, values));
                    }
                } else {
                    analyses.put(text, "failed: " + r.get("error"));
                }
            }
            states.add(new TrialState(index, run.dir(), values, status, message, best, bestEpoch,
                    series.isEmpty() ? Double.NaN : series.lastEntry().getValue(),
                    series.isEmpty() ? 0 : series.lastKey(), analyses, figures));
        }
        return states;
    }

    /**
     * The columns an analysis' result gives a trial: each number among its values as
     * {@code <id>.<key>} (e.g. {@code hessian.lambda_max}), and the first element of each list
     * of numbers as {@code <id>.<key>1} ({@code hessian.top1}, the largest eigenvalue); other
     * values (text, flags, maps, tables) are no columns. When the trial's parameters include the
     * learning rate {@value #LEARNING_RATE}, each {@code <id>.top1} gets its product with it,
     * {@code lr*<id>.top1}: read against 2, gradient descent's stability edge (a step of size lr
     * along the top eigenvector grows when lr x lambda_max > 2).
     */
    public static Map<String, Double> figures(String id, Map<?, ?> result, Map<String, String> parameters) {
        Map<String, Double> columns = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : result.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.equals("analysis")) {
                continue;
            }
            if (e.getValue() instanceof Number n) {
                columns.put(id + "." + key, n.doubleValue());
            } else if (e.getValue() instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Number n) {
                columns.put(id + "." + key + "1", n.doubleValue());
            }
        }
        Double top = columns.get(id + ".top1");
        String lr = parameters.get(LEARNING_RATE);
        if (top != null && lr != null) {
            try {
                columns.put("lr*" + id + ".top1", Double.parseDouble(lr) * top);
            } catch (NumberFormatException e) {
                // a learning rate that is no number has no product
            }
        }
        return columns;
    }

    /** The trials sorted by their best metric (best first, those without one last, then by index). */
    public static List<TrialState> ranked(List<TrialState> states, Study study) {
        Comparator<TrialState> byMetric = (a, b) -> {
            if (Double.isNaN(a.best()) || Double.isNaN(b.best())) {
                return Boolean.compare(Double.isNaN(a.best()), Double.isNaN(b.best()));
            }
            return study.minimize() ? Double.compare(a.best(), b.best()) : Double.compare(b.best(), a.best());
        };
        return states.stream().sorted(byMetric.thenComparingInt(TrialState::index)).toList();
    }

    /**
     * The sweep as {@code sweep show --json} prints it: folder, name, status, study, the trials
     * sorted by the metric and the best trial.
     */
    public Map<String, Object> summary() throws IOException {
        Map<String, Object> sweep = read();
        Study study = study();
        List<TrialState> ranked = ranked(states(), study);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", dir.toString());
        m.put("name", sweep.get("name"));
        m.put("status", status(sweep));
        m.put("study", sweep.get("study"));
        m.put("columns", columns(ranked));
        m.put("trials", ranked.stream().map(TrialState::toJson).toList());
        Optional<TrialState> best = ranked.stream().filter(t -> !Double.isNaN(t.best())).findFirst();
        m.put("best", best.map(TrialState::toJson).orElse(null));
        m.put("wall_seconds", sweep.get("wall_seconds"));
        return m;
    }

    /** The analyses' columns of the trials, in the order they first appear. */
    public static List<String> columns(List<TrialState> trials) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        trials.forEach(t -> names.addAll(t.figures().keySet()));
        return List.copyOf(names);
    }

    /** The sweep's status: as its file says, but interrupted when the process that runs it is gone. */
    public static String status(Map<String, Object> sweep) {
        String status = String.valueOf(sweep.get("status"));
        if (status.equals("running") && sweep.get("pid") instanceof Number pid) {
            long p = pid.longValue();
            Optional<ProcessHandle> h = p == ProcessHandle.current().pid() ? Optional.empty()
                    : ProcessHandle.of(p).filter(ProcessHandle::isAlive);
            Object start = sweep.get("process_start");
            boolean alive = h.isPresent() && (!(start instanceof Number s) || h.get().info().startInstant()
                    .map(i -> Math.abs(i.toEpochMilli() - s.longValue()) < 1000).orElse(true));
            return alive ? "running" : "interrupted";
        }
        return status;
    }

    /**
     * The other process that runs this sweep (a {@code descent sweep} started elsewhere on this
     * machine), while it runs: destroying it (SIGTERM) cancels the sweep as Ctrl-C does, every
     * trial saved. Empty when the sweep is not running, or runs in this JVM (cancel its monitor).
     */
    public Optional<ProcessHandle> process() throws IOException {
        Map<String, Object> sweep = read();
        if (!status(sweep).equals("running") || !(sweep.get("pid") instanceof Number pid)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.longValue());
    }

    /** The sweep folders in a run store's root, oldest first. */
    public static List<SweepFolder> list(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve(SWEEP_FILE))).sorted().map(SweepFolder::new).toList();
        }
    }
}
