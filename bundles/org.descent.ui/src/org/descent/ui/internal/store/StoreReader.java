package org.descent.ui.internal.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Run;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Reads the experiments folder and the run store into {@link StoreSnapshot}s, parsing a run
 * file again only when its modification time or size changed. Call it off the UI thread; one
 * reader serves one thread at a time.
 */
public final class StoreReader {

    /** Reads one run file (the workbench: {@link RunFolder#readRun()}; tests put a slow one in). */
    @FunctionalInterface
    public interface RunReader {
        Run read(RunFolder folder) throws ExperimentException;
    }

    /** A run file as parsed at one modification. */
    private record Parsed(FileTime modified, long size, @Nullable Run run, String error) {
    }

    private final RunReader runReader;
    private final Map<Path, Parsed> parsed = new HashMap<>();

    public StoreReader(RunReader runReader) {
        this.runReader = runReader;
    }

    /** Reads both folders now. */
    public synchronized StoreSnapshot read(Path experimentsFolder, RunStore store) {
        List<RunEntry> runs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (RunFolder f : runFolders(store)) {
            seen.add(f.runFile());
            runs.add(entry(f));
        }
        parsed.keySet().retainAll(seen);
        return new StoreSnapshot(experimentsFolder, store.root(), experiments(experimentsFolder), runs);
    }

    private static List<Path> experiments(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith("." + ExperimentFiles.EXTENSION)
                    && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            ILog.of(StoreReader.class).log(Status.warning("Cannot list the experiments in " + dir, e));
            return List.of();
        }
    }

    private static List<RunFolder> runFolders(RunStore store) {
        try {
            return store.runs();
        } catch (IOException e) {
            ILog.of(StoreReader.class).log(Status.warning("Cannot list the runs in " + store.root(), e));
            return List.of();
        }
    }

    private RunEntry entry(RunFolder f) {
        Path file = f.runFile();
        Parsed p;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            p = parsed.get(file);
            if (p == null || !p.modified().equals(a.lastModifiedTime()) || p.size() != a.size()) {
                p = parse(f, a);
                parsed.put(file, p);
            }
        } catch (IOException e) {
            parsed.remove(file);
            return unreadable(f, file + ": " + e.getMessage());
        }
        Run r = p.run();
        if (r == null) {
            return unreadable(f, p.error());
        }
        RunStatus status = RunFolder.effectiveStatus(r);
        RunFolder.Progress progress = f.progress(r);
        return new RunEntry(f.dir(), true, status, progress.step(), progress.loss(), String.valueOf(r.getMessage()),
                describe(r.getExperiment()), "");
    }

    private Parsed parse(RunFolder f, BasicFileAttributes a) {
        try {
            return new Parsed(a.lastModifiedTime(), a.size(), runReader.read(f), "");
        } catch (ExperimentException e) {
            return new Parsed(a.lastModifiedTime(), a.size(), null, String.join("\n", e.problems()));
        }
    }

    private static RunEntry unreadable(RunFolder f, String error) {
        return new RunEntry(f.dir(), false, RunStatus.FAILED, 0, Double.NaN, "", "", error);
    }

    /** "bimodal · gaussian · gaussian-nll · adam(lr=0.05) · 500 steps". */
    public static String describe(@Nullable Experiment x) {
        if (x == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Component c : Arrays.asList(x.getDataset(), x.getModel(), x.getLoss(), x.getOptimizer())) {
            if (c != null) {
                String settings = String.join(",", c.getSettings().stream().map(s -> s.getName() + "=" + s.getValue())
                        .toList());
                parts.add(c.getId() + (settings.isEmpty() ? "" : "(" + settings + ")"));
            }
        }
        parts.add(x.getSteps() > 0 ? x.getSteps() + " steps" : x.getEpochs() + " epochs");
        return String.join(" \u00B7 ", parts);
    }
}
