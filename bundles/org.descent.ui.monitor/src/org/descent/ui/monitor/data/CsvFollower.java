package org.descent.ui.monitor.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.descent.core.Csv;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.RunFolder;
import org.descent.experiment.model.Run;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Follows a run through its files (a run of another process, or a finished one): each
 * {@link #poll()} reads only the bytes appended to metrics.csv and probes.csv since the last one
 * (it remembers the offsets; a line still being written waits for its end). A file that was
 * replaced or cut (a resumed run rewrites metrics.csv) is read again from the start into fresh
 * series. Each complete line is parsed by {@link Csv}; rows that do not parse are skipped and reported by {@link #problems()}. Polls from
 * several threads (a reader thread, a refresh on demand) take turns.
 */
public final class CsvFollower {

    /** Columns of metrics.csv that are no series of their own. */
    private static final List<String> NOT_SERIES = List.of("step", "epoch", "wall_s");
    private static final int CHUNK = 1 << 20;

    /** One file followed from an offset. */
    private final class Tail {
        final Path file;
        final boolean probes;
        long offset;
        long line;
        @Nullable
        Object fileKey;
        List<String> header = List.of();

        Tail(Path file, boolean probes) {
            this.file = file;
            this.probes = probes;
        }

        void reset() {
            offset = 0;
            line = 0;
            header = List.of();
        }

        /** Reads what was appended; returns whether rows were added, or throws {@link Restart}. */
        boolean read() throws IOException {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return false;
            }
            Object key = a.fileKey();
            if (offset > 0 && (a.size() < offset || !Objects.equals(key, fileKey))) {
                throw new Restart();
            }
            fileKey = key;
            if (a.size() == offset) {
                return false;
            }
            boolean added = false;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, a.size() - offset));
                while (true) {
                    buf.clear();
                    int n = ch.read(buf, offset);
                    if (n <= 0) {
                        break;
                    }
                    byte[] bytes = buf.array();
                    int end = n - 1;
                    while (end >= 0 && bytes[end] != '\n') {
                        end--;
                    }
                    if (end < 0) {
                        // no complete line yet: it is still being written (read again next time)
                        break;
                    }
                    offset += end + 1;
                    added |= lines(new String(bytes, 0, end + 1, StandardCharsets.UTF_8));
                }
            }
            return added;
        }

        /** Handles complete lines (the text ends with a line break). */
        private boolean lines(String text) {
            boolean added = false;
            int start = 0;
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                int end = nl > start && text.charAt(nl - 1) == '\r' ? nl - 1 : nl;
                String row = text.substring(start, end);
                start = nl + 1;
                line++;
                List<String> cells;
                String where = file + " line " + line;
                try {
                    cells = Csv.parseLine(row, where);
                } catch (IllegalArgumentException e) {
                    problem(this, e.getMessage().substring(where.length() + 2));
                    continue;
                }
                if (line == 1) {
                    header = cells;
                } else if (!cells.isEmpty()) {
                    added |= probes ? probeRow(this, cells) : metricsRow(this, cells);
                }
            }
            return added;
        }
    }

    /** A followed file was replaced or cut: read everything again. */
    private static final class Restart extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private final RunFolder folder;
    private final String label;
    private final Tail metrics;
    private final Tail probes;
    private final List<String> problems = new ArrayList<>();
    private volatile RunSeries series;
    private long lastStatusCheck;
    private boolean statusRead;

    public CsvFollower(RunFolder folder, String label) {
        this.folder = folder;
        this.label = label;
        this.metrics = new Tail(folder.metricsFile(), false);
        this.probes = new Tail(folder.probesFile(), true);
        this.series = new RunSeries(folder.dir(), label, 1 << 12);
    }

    /** The series read so far (a new object after a restart). */
    public RunSeries series() {
        return series;
    }

    /** Rows skipped so far, each naming its file, line and what was wrong (at most 20 kept). */
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Reads the rows appended since the last poll.
     *
     * @return whether any series grew (or was read again)
     * @throws IOException naming the file that cannot be read
     */
    public synchronized boolean poll() throws IOException {
        boolean changed;
        try {
            changed = metrics.read() | probes.read();
        } catch (Restart r) {
            metrics.reset();
            probes.reset();
            metrics.fileKey = null;
            probes.fileKey = null;
            series = new RunSeries(folder.dir(), label, 1 << 12);
            statusRead = false;
            metrics.read();
            probes.read();
            changed = true;
        }
        long now = System.nanoTime();
        if (!statusRead || now - lastStatusCheck > 1_000_000_000L) {
            // run.descent changes seldom (status, checkpoints): read it at most once a second
            statusRead = true;
            lastStatusCheck = now;
            readStatus();
        }
        return changed;
    }

    private void readStatus() {
        if (!folder.isRun()) {
            return;
        }
        try {
            Run run = folder.readRun();
            if (run.getCreated() != null) {
                series.clock().setStart(run.getCreated().getTime() / 1000.0);
            }
            String s = RunFolder.effectiveStatus(run).id();
            String message = run.getMessage();
            series.setStatus(message == null || message.isEmpty() ? s : s + ": " + message);
        } catch (ExperimentException e) {
            // run.descent is replaced atomically, but a file being written by an older version may not read: keep the last status
        }
    }

    private boolean metricsRow(Tail t, List<String> cells) {
        if (cells.size() != t.header.size()) {
            problem(t, "has " + cells.size() + " cells, the header has " + t.header.size());
            return false;
        }
        double step;
        try {
            step = Double.parseDouble(cells.get(0));
        } catch (NumberFormatException e) {
            problem(t, "step '" + cells.get(0) + "' is not a number");
            return false;
        }
        RunSeries s = series;
        int epochAt = t.header.indexOf("epoch");
        int wallAt = t.header.indexOf("wall_s");
        try {
            int epoch = epochAt < 0 || cells.get(epochAt).isEmpty() ? -1 : Integer.parseInt(cells.get(epochAt));
            double wall = wallAt < 0 || cells.get(wallAt).isEmpty() ? Double.NaN : Double.parseDouble(cells.get(wallAt));
            s.clock().record(step, epoch, wall);
        } catch (NumberFormatException e) {
            problem(t, "epoch '" + (epochAt < 0 ? "" : cells.get(epochAt)) + "' or wall_s '"
                    + (wallAt < 0 ? "" : cells.get(wallAt)) + "' is not a number; the row's time is left out");
        }
        for (int c = 1; c < cells.size(); c++) {
            String name = t.header.get(c);
            String cell = cells.get(c);
            if (cell.isEmpty() || NOT_SERIES.contains(name)) {
                continue;
            }
            try {
                s.metric(name).append(step, Double.parseDouble(cell));
            } catch (NumberFormatException e) {
                problem(t, "column " + name + ": '" + cell + "' is not a number");
            }
        }
        return true;
    }

    private boolean probeRow(Tail t, List<String> cells) {
        if (cells.size() != 3) {
            problem(t, "expected step,name,value");
            return false;
        }
        try {
            double step = Double.parseDouble(cells.get(0));
            double value = Double.parseDouble(cells.get(2));
            series.probe(cells.get(1)).append(step, value);
            return true;
        } catch (NumberFormatException e) {
            problem(t, "expected step,name,value with numbers for step and value");
            return false;
        }
    }

    private synchronized void problem(Tail t, String what) {
        if (problems.size() < 20) {
            problems.add(String.format(Locale.ROOT, "%s line %d: %s; row skipped", t.file, t.line, what));
        }
    }
}
