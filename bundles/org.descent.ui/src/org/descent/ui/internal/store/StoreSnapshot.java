package org.descent.ui.internal.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The experiments folder and the run store as read at one moment; immutable, so that the UI
 * thread reads one while the next is being read. Two snapshots are equal when they would draw
 * the same tree.
 */
public final class StoreSnapshot {

    private final Path experimentsFolder;
    private final Path storeRoot;
    private final List<Path> experiments;
    private final List<RunEntry> runs;
    private final Map<Path, RunEntry> byDir = new LinkedHashMap<>();

    /**
     * @param experimentsFolder the folder of experiment files
     * @param storeRoot the run store's folder
     * @param experiments the experiment files, by name
     * @param runs the runs, oldest first
     */
    public StoreSnapshot(Path experimentsFolder, Path storeRoot, List<Path> experiments, List<RunEntry> runs) {
        this.experimentsFolder = experimentsFolder;
        this.storeRoot = storeRoot;
        this.experiments = List.copyOf(experiments);
        this.runs = List.copyOf(runs);
        for (RunEntry r : runs) {
            byDir.put(r.dir(), r);
        }
    }

    /** Nothing read yet. */
    public static StoreSnapshot empty(Path experimentsFolder, Path storeRoot) {
        return new StoreSnapshot(experimentsFolder, storeRoot, List.of(), List.of());
    }

    public Path experimentsFolder() {
        return experimentsFolder;
    }

    public Path storeRoot() {
        return storeRoot;
    }

    /** The experiment files, by name. */
    public List<Path> experiments() {
        return experiments;
    }

    /** The runs, oldest first. */
    public List<RunEntry> runs() {
        return runs;
    }

    /** The run in a folder, or null when the snapshot has none there. */
    public @Nullable RunEntry run(Path dir) {
        return byDir.get(dir);
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof StoreSnapshot s && experimentsFolder.equals(s.experimentsFolder)
                && storeRoot.equals(s.storeRoot) && experiments.equals(s.experiments) && runs.equals(s.runs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(experimentsFolder, storeRoot, experiments, runs);
    }

    @Override
    public String toString() {
        return experiments.size() + " experiments in " + experimentsFolder + ", " + runs.size() + " runs in "
                + storeRoot;
    }
}
