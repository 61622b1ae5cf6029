package org.descent.experiment;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.descent.core.AnalysisResult;
import org.descent.core.Json;
import org.descent.core.RunStatus;
import org.descent.core.Subject;
import org.descent.core.Vocabulary;
import org.descent.experiment.internal.AtomicFiles;
import org.descent.experiment.internal.BinaryReader;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.internal.MetricsLog;
import org.descent.experiment.internal.RunProcess;
import org.descent.experiment.model.Run;

/**
 * One run's folder: {@code run.descent} (the run with its experiment, status, metrics and
 * provenance), {@code metrics.csv} (one row per step) and {@code checkpoints/}.
 *
 * @since 0.1.0
 */
public final class RunFolder {

    public static final String RUN_FILE = "run.descent";
    public static final String METRICS_FILE = "metrics.csv";
    /** Probe samples, one row per value: step, name, value. Only when the experiment has probes. */
    public static final String PROBES_FILE = "probes.csv";
    /** The training data's vocabulary, one {@code token<TAB>count} line per index, for token data. */
    public static final String VOCABULARY_FILE = "vocabulary.tsv";
    public static final String CHECKPOINTS = "checkpoints";
    /**
     * The parameters at every checkpoint step, kept after the checkpoints themselves are pruned:
     * {@code trajectory/step-N.params}, for analyses of the training path (PCA, landscapes).
     */
    public static final String TRAJECTORY = "trajectory";
    private static final int TRAJECTORY_MAGIC = 0x44545250;
    /** Analyses of the run: one folder each, {@code analyses/<id>-<yyyyMMdd-HHmmss>/} ({@code -2}, {@code -3}... when taken). */
    public static final String ANALYSES = "analyses";

    private final Path dir;

    public RunFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * Creates a new, empty run folder.
     *
     * @throws IOException naming the folder when it exists and is not empty
     */
    public static RunFolder create(Path dir) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(dir + " exists and is not a folder");
            }
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IOException(dir + " is not empty: choose a new folder for the run");
                }
            }
        }
        Files.createDirectories(dir.resolve(CHECKPOINTS));
        return new RunFolder(dir);
    }

    public Path dir() {
        return dir;
    }

    /** Writes the parameters of a step to {@code trajectory/} (whole or not at all). */
    public void writeTrajectoryPoint(long step, double[] parameters) throws IOException {
        Path d = dir.resolve(TRAJECTORY);
        Files.createDirectories(d);
        AtomicFiles.write(d.resolve(String.format("step-%012d.params", step)), stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(TRAJECTORY_MAGIC);
            out.writeLong(step);
            out.writeInt(parameters.length);
            for (double v : parameters) {
                out.writeDouble(v);
            }
            out.flush();
        });
    }

    /**
     * The run's path through parameter space: the parameters of every step in {@code trajectory/},
     * and of every checkpoint whose step is not there (runs written before {@code trajectory/}
     * existed), oldest first.
     *
     * @throws IOException naming a file that cannot be read
     */
    public List<Subject.Point> trajectory() throws IOException {
        List<Subject.Point> result = new ArrayList<>();
        for (long step : keptSteps()) {
            result.add(new Subject.Point(step, parametersAt(step).orElseThrow()));
        }
        return result;
    }

    /** The steps whose parameters the run keeps (trajectory and checkpoints), ascending, from the file names. */
    public List<Long> keptSteps() throws IOException {
        java.util.TreeSet<Long> steps = new java.util.TreeSet<>();
        for (Path p : files(TRAJECTORY, "step-\\d{12}\\.params")) {
            steps.add(stepOf(p));
        }
        for (Path p : checkpoints()) {
            steps.add(stepOf(p));
        }
        return new ArrayList<>(steps);
    }

    /**
     * The parameters of a step the run keeps: its trajectory file, else its checkpoint.
     *
     * @throws IOException naming a file that cannot be read
     */
    public Optional<double[]> parametersAt(long step) throws IOException {
        Path t = dir.resolve(TRAJECTORY).resolve(String.format("step-%012d.params", step));
        if (Files.isRegularFile(t)) {
            return Optional.of(readTrajectoryPoint(t));
        }
        Path c = checkpointFile(step);
        return Files.isRegularFile(c) ? Optional.of(Checkpoint.read(c).parameters()) : Optional.empty();
    }

    private static double[] readTrajectoryPoint(Path p) throws IOException {
        try (BinaryReader in = new BinaryReader(p)) {
            if (in.readInt() != TRAJECTORY_MAGIC) {
                throw new IOException(p + ": not a trajectory file");
            }
            in.readLong();
            return in.readDoubles("parameters");
        }
    }

    private List<Path> files(String folder, String pattern) throws IOException {
        Path d = dir.resolve(folder);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.getFileName().toString().matches(pattern)).sorted().toList();
        }
    }

    /** The step in a {@code step-NNNNNNNNNNNN.*} file name. */
    private static long stepOf(Path p) {
        String name = p.getFileName().toString();
        return Long.parseLong(name.substring(5, 17));
    }

    /**
     * Stores an analysis' result in a new folder under {@code analyses/}.
     *
     * @return the folder written
     */
    public Path writeAnalysis(AnalysisResult result) throws IOException {
        String stamp = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern(
                "yyyyMMdd-HHmmss"));
        Path base = dir.resolve(ANALYSES);
        Files.createDirectories(base);
        for (int i = 1;; i++) {
            Path target = base.resolve(result.analysis() + "-" + stamp + (i == 1 ? "" : "-" + i));
            try {
                // creating the folder claims its name: a store at the same moment takes the next
                Files.createDirectory(target);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                continue;
            }
            writeAnalysis(result, target);
            return target;
        }
    }

    /**
     * Writes an analysis' result into a folder (created when missing): {@code result.json} (as
     * {@code --json} prints it), {@code report.txt} and one CSV file per table. Each file is
     * written whole or not at all.
     */
    public static void writeAnalysis(AnalysisResult result, Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve("result.json"), Json.write(result.toJsonObject()) + "\n");
        StringBuilder report = new StringBuilder();
        result.report().forEach(l -> report.append(l).append('\n'));
        result.warnings().forEach(w -> report.append("warning: ").append(w).append('\n'));
        AtomicFiles.write(folder.resolve("report.txt"), report.toString());
        for (var t : result.tables().entrySet()) {
            AtomicFiles.write(folder.resolve(t.getKey() + ".csv"), AnalysisResult.csv(t.getValue()));
        }
    }

    public Path vocabularyFile() {
        return dir.resolve(VOCABULARY_FILE);
    }

    /** Writes the training data's vocabulary, one {@code token<TAB>count} line per index, atomically. */
    public void writeVocabulary(Vocabulary vocabulary) throws IOException {
        StringBuilder tsv = new StringBuilder();
        for (int i = 0; i < vocabulary.size(); i++) {
            tsv.append(vocabulary.token(i)).append('\t').append(vocabulary.count(i)).append('\n');
        }
        AtomicFiles.write(vocabularyFile(), tsv);
    }

    /** The tokens of the saved vocabulary in index order, if the run has one. */
    public Optional<List<String>> readVocabularyTokens() throws IOException {
        if (!Files.exists(vocabularyFile())) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        for (String line : Files.readAllLines(vocabularyFile(), StandardCharsets.UTF_8)) {
            tokens.add(line.split("\t", 2)[0]);
        }
        return Optional.of(tokens);
    }

    public Path runFile() {
        return dir.resolve(RUN_FILE);
    }

    public Path metricsFile() {
        return dir.resolve(METRICS_FILE);
    }

    public Path probesFile() {
        return dir.resolve(PROBES_FILE);
    }

    /** Whether the folder holds a run file. */
    public boolean isRun() {
        return Files.isRegularFile(runFile());
    }

    /** Reads the run file. */
    public Run readRun() throws ExperimentException {
        if (!isRun()) {
            throw new ExperimentException(dir + ": not a run folder (no " + RUN_FILE + ")");
        }
        return ExperimentFiles.loadRun(runFile());
    }

    /** Writes the run file atomically. */
    public void writeRun(Run run) throws IOException {
        ExperimentFiles.save(run, runFile());
    }

    /**
     * The status to show: a run file that says "running" whose process is gone (its pid is dead,
     * or belongs to a process that started at another time) was killed, and shows as interrupted.
     */
    public static RunStatus effectiveStatus(Run run) {
        if (run.getStatus() == RunStatus.RUNNING && !RunProcess.mayBeAlive(run)) {
            return RunStatus.INTERRUPTED;
        }
        return run.getStatus();
    }

    /**
     * The last step metrics.csv holds: an interrupted run's progress, which its run file only
     * knows up to the last checkpoint.
     *
     * @param step steps taken
     * @param epoch the epoch of the step (0-based)
     * @param loss the step's batch loss
     * @param wallSeconds training time up to the step
     */
    public record LoggedStep(long step, int epoch, double loss, double wallSeconds) {
    }

    /** How many bytes at the end of metrics.csv {@link #lastLoggedStep()} reads. */
    private static final int TAIL_BYTES = 8192;

    /**
     * The last complete row of metrics.csv, read from the file's end only (cheap for long runs);
     * empty when the file is missing or holds no complete row.
     *
     * @throws IOException when the file cannot be read
     */
    public Optional<LoggedStep> lastLoggedStep() throws IOException {
        Path file = metricsFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] tail;
        try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(file.toFile(), "r")) {
            long size = in.length();
            tail = new byte[(int) Math.min(size, TAIL_BYTES)];
            in.seek(size - tail.length);
            in.readFully(tail);
        }
        String text = new String(tail, StandardCharsets.UTF_8);
        // a row still being written has no newline yet
        String[] lines = text.substring(0, text.lastIndexOf('\n') + 1).split("\n");
        List<String> columns = MetricsLog.COLUMNS;
        for (int i = lines.length - 1; i >= 0; i--) {
            try {
                List<String> cells = org.descent.core.Csv.parseLine(lines[i], file.toString());
                if (cells.size() != columns.size()) {
                    continue;
                }
                return Optional.of(new LoggedStep(Long.parseLong(cells.get(columns.indexOf("step"))),
                        Integer.parseInt(cells.get(columns.indexOf("epoch"))),
                        Double.parseDouble(cells.get(columns.indexOf("loss"))),
                        Double.parseDouble(cells.get(columns.indexOf("wall_s")))));
            } catch (IllegalArgumentException e) {
                // the header, or a line cut by the start of the tail (NumberFormatException included)
            }
        }
        return Optional.empty();
    }

    /**
     * Where a run stands, for a listing: an ended run's step, final training loss (or its last
     * step's loss) and wall time from its run file; a run that did not end, from the last complete
     * row of metrics.csv when that is further than the run file's last checkpoint.
     *
     * @param loss NaN when neither knows one
     */
    public record Progress(long step, double loss, double wallSeconds) {
    }

    /** This run's {@link Progress}, its run file already read ({@code run}). */
    public Progress progress(Run run) {
        long step = run.getStep();
        double wall = run.getWallSeconds();
        Double loss = null;
        for (org.descent.experiment.model.Metric metric : run.getMetrics()) {
            if (metric.getName().equals("train_loss") || (loss == null && metric.getName().equals("last_step_loss"))) {
                loss = metric.getValue();
            }
        }
        if (loss == null) {
            try {
                Optional<LoggedStep> last = lastLoggedStep();
                if (last.isPresent() && last.get().step() >= step) {
                    return new Progress(last.get().step(), last.get().loss(), last.get().wallSeconds());
                }
            } catch (IOException e) {
                // unreadable metrics: the run file's values stand
            }
        }
        return new Progress(step, loss == null ? Double.NaN : loss, wall);
    }

    /** The path of the checkpoint for a step. */
    public Path checkpointFile(long step) {
        return dir.resolve(CHECKPOINTS).resolve(String.format("step-%012d.ckpt", step));
    }

    /** Checkpoint files, oldest first. */
    public List<Path> checkpoints() throws IOException {
        return files(CHECKPOINTS, "step-\\d{12}\\.ckpt");
    }

    /** The newest checkpoint that reads completely, if any. */
    public Optional<Checkpoint> latestCheckpoint() throws IOException {
        List<Path> all = new ArrayList<>(checkpoints());
        for (int i = all.size() - 1; i >= 0; i--) {
            try {
                return Optional.of(Checkpoint.read(all.get(i)));
            } catch (IOException | RuntimeException e) {
                // a checkpoint cut short by a kill or damaged on the disk: fall back to the one before
                org.eclipse.core.runtime.ILog.of(RunFolder.class).warn(all.get(i) + " cannot be read (" + e.getMessage()
                        + "); " + (i > 0 ? "falling back to " + all.get(i - 1).getFileName() : "no older checkpoint"));
            }
        }
        return Optional.empty();
    }

    /** Deletes periodic checkpoints except the newest {@code keep}. */
    public void pruneCheckpoints(int keep) throws IOException {
        List<Path> all = checkpoints();
        for (int i = 0; i < all.size() - keep; i++) {
            Files.deleteIfExists(all.get(i));
        }
    }
}
