package org.descent.experiment.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.descent.core.Precision;
import org.descent.core.Subject;
import org.descent.experiment.RunFolder;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.model.Experiment;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dynamics probe's per-layer values and histograms, and the run's trajectory of parameters. */
class DynamicsProbeTest {

    @TempDir
    Path dir;

    /** step -> name -> value from probes.csv. */
    static Map<Long, Map<String, Double>> probes(Path run) throws Exception {
        Map<Long, Map<String, Double>> m = new TreeMap<>();
        List<String> rows = Files.readAllLines(run.resolve(RunFolder.PROBES_FILE));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            m.computeIfAbsent(Long.parseLong(f[0]), k -> new TreeMap<>()).put(f[1], Double.parseDouble(f[2]));
        }
        return m;
    }

    @Test
    void layeredModelsGetPerLayerStatisticsAndHistograms() throws Exception {
        Experiment e = Experiments.digits("mlp:hidden=32-16,activation=tanh", "cross-entropy", 1);
        e.getProbes().add(Experiments.component("dynamics:interval=5"));
        TrainingResult r = Experiments.train(e, dir.resolve("tanh"), new NullProgressMonitor());
        Map<Long, Map<String, Double>> p = probes(dir.resolve("tanh"));
        assertEquals(List.of(5L, 10L, 15L, 20L), p.keySet().stream().toList(), "every 5 steps of " + r.steps());
        Map<String, Double> s = p.get(10L);
        for (String layer : List.of("layer1", "tanh1", "layer2", "tanh2", "layer3")) {
            assertTrue(s.containsKey("act_mean/" + layer), layer + " in " + s.keySet());
            assertTrue(s.get("act_std/" + layer) > 0, layer);
            assertTrue(s.containsKey("grad_std/" + layer), layer);
            for (String kind : List.of("act_hist/", "grad_hist/")) {
                double sum = s.entrySet().stream().filter(x -> x.getKey().startsWith(kind + layer + "/"))
                        .mapToDouble(Map.Entry::getValue).sum();
                assertEquals(1.0, sum, 1e-12, kind + layer + " sums to one");
            }
        }
        assertTrue(s.containsKey("act_saturated/tanh1"));
        assertFalse(s.containsKey("act_saturated/layer1"), "saturation is for tanh and sigmoid outputs");
        double saturated = s.get("act_saturated/tanh1");
        assertTrue(saturated >= 0 && saturated <= 1);
        // tanh outputs lie in (-1, 1): no bucket at or above 2^0 = 1 (bucket 21 and up)
        assertTrue(s.keySet().stream().filter(k -> k.startsWith("act_hist/tanh1/")).mapToInt(
                k -> Integer.parseInt(k.substring(k.lastIndexOf('/') + 1))).allMatch(b -> Math.abs(b) <= 20), s.toString());
        assertTrue(s.containsKey("update_ratio/layer1.weight") && s.containsKey("weight_norm/layer3.bias"));
    }

    @Test
    void modelsWithoutLayersGetTheNormsOnly() throws Exception {
        Experiment e = Experiments.digits("mlp:hidden=16", "cross-entropy", 1);
        e.setPrecision(Precision.FP32);
        e.getProbes().add(Experiments.component("dynamics:interval=10"));
        Experiments.train(e, dir.resolve("fp32"), new NullProgressMonitor());
        Map<String, Double> s = probes(dir.resolve("fp32")).get(10L);
        assertTrue(s.containsKey("grad_norm/layer1.weight"), s.toString());
        assertTrue(s.keySet().stream().noneMatch(k -> k.startsWith("act_")), s.toString());
    }

    /** Every checkpoint's parameters stay in trajectory/ after the checkpoints themselves are pruned. */
    @Test
    void theTrajectoryKeepsEveryCheckpointStep() throws Exception {
        Experiment e = Experiments.digits("mlp:hidden=8", "cross-entropy", 1);
        e.setCheckpointEvery(5);
        Experiments.train(e, dir.resolve("path"), new NullProgressMonitor());
        RunFolder folder = new RunFolder(dir.resolve("path"));
        assertFalse(Files.exists(folder.checkpointFile(0)), "the first checkpoints are pruned");
        List<Long> steps = folder.trajectory().stream().map(Subject.Point::step).toList();
        assertEquals(List.of(0L, 5L, 10L, 15L, 20L, 23L), steps);
        double[] last = folder.trajectory().get(steps.size() - 1).parameters();
        org.junit.jupiter.api.Assertions.assertArrayEquals(folder.latestCheckpoint().orElseThrow().parameters(), last);
        try (var files = Files.list(dir.resolve("path").resolve(RunFolder.TRAJECTORY))) {
            assertEquals(6, files.collect(Collectors.toList()).size());
        }
    }
}
