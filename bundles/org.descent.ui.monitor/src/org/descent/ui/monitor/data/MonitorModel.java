package org.descent.ui.monitor.data;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.descent.core.RunListener;
import org.descent.experiment.LiveRuns;
import org.descent.experiment.RunFolder;
import org.descent.ui.charts.GrowingSeries;
import org.descent.ui.charts.SeriesCsv;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The runs a monitor shows and where their series come from: runs that start training in this
 * JVM while the model exists are recorded event by event through {@link LiveRuns} (and shown
 * at once when {@link #setShowNewLiveRuns(boolean)} is on); every other run (another process,
 * finished, or already training when the model was made) is followed in its files by a
 * {@link CsvFollower}, which {@link #poll()} advances. No SWT: a view draws it, a CLI could
 * export it with {@link #writeCsv(Path)}.
 */
public final class MonitorModel implements AutoCloseable {

    /** A run shown: its folder, its series now, and whether they come live from this JVM. */
    public record Shown(RunFolder folder, RunSeries series, boolean live) {
    }

    /** Where a shown run's series come from. */
    private record Source(RunFolder folder, @Nullable LiveRecorder live, @Nullable CsvFollower follower) {
        RunSeries series() {
            return live != null ? live.series() : follower.series();
        }
    }

    private final Map<Path, LiveRecorder> recorded = new ConcurrentHashMap<>();
    private final Map<Path, Source> shown = new LinkedHashMap<>();
    private final List<Runnable> runsChanged = new CopyOnWriteArrayList<>();
    private final @Nullable AutoCloseable observation;
    private volatile boolean showNewLiveRuns = true;
    private volatile int generation;
    /** The hyperparameters of the runs shown, read by the reader thread whenever the runs shown change. */
    private volatile Hyperparameters hyperparameters = new Hyperparameters(-1, List.of(), Map.of());
    private volatile int settingsGeneration = -1;

    /**
     * The hyperparameters of the runs shown: the names whose values differ among them (those a
     * user groups runs by) and each run's value of every hyperparameter, as text.
     *
     * @param generation the runs shown they were read for
     */
    public record Hyperparameters(int generation, List<String> differing, Map<Path, Map<String, String>> values) {

        /** A run's value of a hyperparameter, or empty when it has none. */
        public String value(Path run, String name) {
            Map<String, String> v = values.get(run);
            String s = v == null ? null : v.get(name);
            return s == null ? "" : s;
        }
    }
    private @Nullable Thread observing;

    /** A model that records live runs of this JVM when {@code liveRuns} is given. */
    public MonitorModel(@Nullable LiveRuns liveRuns) {
        if (liveRuns == null) {
            observation = null;
            return;
        }
        observing = Thread.currentThread();
        try {
            observation = liveRuns.observe(this::started);
        } finally {
            observing = null;
        }
    }

    /** A run starts in this JVM (or was training when the model was made: then it is followed in its files). */
    private @Nullable RunListener started(RunFolder run) {
        if (Thread.currentThread() == observing || Files.exists(run.metricsFile())) {
            // already training (or resumed): its first steps are only in its files
            return null;
        }
        LiveRecorder r = new LiveRecorder(new RunSeries(run.dir(), label(run), 1 << 14));
        recorded.put(run.dir(), r);
        if (showNewLiveRuns) {
            show(run);
        }
        return r;
    }

    /** The name a run goes by in legends and CSV: its folder's name. */
    public static String label(RunFolder run) {
        return run.dir().getFileName().toString();
    }

    /** Whether runs that start training in this JVM are shown as they start (on by default). */
    public void setShowNewLiveRuns(boolean on) {
        showNewLiveRuns = on;
    }

    /** Hears changes of the set of runs shown (on the thread that changed it). */
    public void addRunsChangedListener(Runnable r) {
        runsChanged.add(r);
    }

    /** Shows a run (no change when it is shown already). */
    public void show(RunFolder run) {
        synchronized (shown) {
            if (shown.containsKey(run.dir())) {
                return;
            }
            LiveRecorder live = recorded.get(run.dir());
            shown.put(run.dir(), live != null ? new Source(run, live, null)
                    : new Source(run, null, new CsvFollower(run, label(run))));
            generation++;
        }
        runsChanged.forEach(Runnable::run);
    }

    /** Shows exactly these runs, in this order. */
    public void showOnly(List<RunFolder> runs) {
        synchronized (shown) {
            Map<Path, Source> keep = new LinkedHashMap<>();
            for (RunFolder r : runs) {
                Source s = shown.get(r.dir());
                if (s == null) {
                    LiveRecorder live = recorded.get(r.dir());
                    s = live != null ? new Source(r, live, null) : new Source(r, null, new CsvFollower(r, label(r)));
                }
                keep.put(r.dir(), s);
            }
            shown.clear();
            shown.putAll(keep);
            generation++;
        }
        runsChanged.forEach(Runnable::run);
    }

    /** Stops showing a run. */
    public void remove(Path dir) {
        synchronized (shown) {
            if (shown.remove(dir) == null) {
                return;
            }
            generation++;
        }
        runsChanged.forEach(Runnable::run);
    }

    /** The runs shown, in order. */
    public List<Shown> shown() {
        synchronized (shown) {
            List<Shown> out = new ArrayList<>(shown.size());
            for (Source s : shown.values()) {
                out.add(new Shown(s.folder(), s.series(), s.live() != null));
            }
            return out;
        }
    }

    /**
     * Reads what the followed runs appended to their files (call from a reader thread, about
     * ten times a second).
     *
     * @return whether any series grew
     */
    public boolean poll() {
        List<CsvFollower> followers = new ArrayList<>();
        List<RunFolder> folders = new ArrayList<>();
        int g;
        synchronized (shown) {
            g = generation;
            for (Source s : shown.values()) {
                folders.add(s.folder());
            }
            for (Source s : shown.values()) {
                if (s.follower() != null) {
                    followers.add(s.follower());
                }
            }
        }
        boolean changed = false;
        if (g != settingsGeneration) {
            settingsGeneration = g;
            readHyperparameters(g, folders);
            changed = true;
        }
        for (CsvFollower f : followers) {
            try {
                changed |= f.poll();
            } catch (IOException e) {
                f.series().setStatus("cannot read: " + e.getMessage());
            }
        }
        return changed;
    }

    /** Reads the runs' settings (run.descent) for grouping them by a hyperparameter. */
    private void readHyperparameters(int g, List<RunFolder> folders) {
        RunTable table = RunTable.read(folders);
        List<RunTable.Row> rows = table.allRows();
        Map<Path, Map<String, String>> values = new LinkedHashMap<>();
        for (RunTable.Row r : rows) {
            Map<String, String> v = new LinkedHashMap<>();
            for (RunTable.Column c : table.columns()) {
                if (c.kind() == RunTable.Kind.HYPERPARAMETER && r.get(c.name()) != null) {
                    v.put(c.name(), r.text(c.name()));
                }
            }
            values.put(r.folder().dir(), v);
        }
        hyperparameters = new Hyperparameters(g, table.differing(rows).stream().map(RunTable.Column::name).toList(),
                values);
    }

    /** The hyperparameters of the runs shown as the reader thread last read them. */
    public Hyperparameters hyperparameters() {
        return hyperparameters;
    }

    /** Problems found in the followed runs' files (rows skipped), naming file and line. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        synchronized (shown) {
            for (Source s : shown.values()) {
                if (s.follower() != null) {
                    out.addAll(s.follower().problems());
                }
            }
        }
        return out;
    }

    /** Changes whenever a series grows or the runs shown change: a view redraws only when it moved. */
    public long version() {
        long v = ((long) generation << 40) + ((long) hyperparameters.generation() << 20);
        for (Shown s : shown()) {
            v += s.series().points();
        }
        return v;
    }

    /**
     * Writes every point of every series of the runs shown as CSV: {@code run,series,step,value}
     * (series named as in {@link RunSeries#writeCsv(Writer)}), whole or not at all.
     */
    public void writeCsv(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            writeCsv(w);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** As {@link #writeCsv(Path)}, to a writer. */
    public void writeCsv(Writer w) throws IOException {
        w.write("run,series,step,value\n");
        StringBuilder line = new StringBuilder(96);
        for (Shown s : shown()) {
            String run = SeriesCsv.cell(s.series().label());
            for (Map.Entry<String, GrowingSeries> e : s.series().named().entrySet()) {
                String name = SeriesCsv.cell(e.getKey());
                GrowingSeries g = e.getValue();
                int n = g.size();
                for (int i = 0; i < n; i++) {
                    line.setLength(0);
                    line.append(run).append(',').append(name).append(',');
                    SeriesCsv.number(line, g.x(i)).append(',');
                    SeriesCsv.number(line, g.y(i)).append('\n');
                    w.append(line);
                }
            }
        }
    }

    @Override
    public void close() {
        if (observation != null) {
            try {
                observation.close();
            } catch (Exception e) {
                // closing an observation of LiveRuns only removes listeners
            }
        }
    }
}
