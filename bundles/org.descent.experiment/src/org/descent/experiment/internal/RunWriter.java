package org.descent.experiment.internal;

import java.io.IOException;
import java.util.Date;
import java.util.Map;

import org.descent.core.Vocabulary;
import org.descent.experiment.RunFolder;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.Metric;
import org.descent.experiment.model.Run;
import org.descent.core.RunStatus;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Writes one session of a run to its folder: the run file, metrics.csv, probes.csv, checkpoints
 * and the trajectory. The loop decides what and when; this decides where and how.
 */
public final class RunWriter implements AutoCloseable {

    /** How many periodic checkpoints to keep. */
    private static final int KEEP_CHECKPOINTS = 2;

    private final RunFolder folder;
    private final Run run;
    private final MetricsLog metrics;
    private final @Nullable MetricsLog probes;

    private RunWriter(RunFolder folder, Run run, MetricsLog metrics, @Nullable MetricsLog probes) {
        this.folder = folder;
        this.run = run;
        this.metrics = metrics;
        this.probes = probes;
    }

    /**
     * Starts a new run's files: the vocabulary of token data, metrics.csv and, when something
     * samples probe values, probes.csv.
     */
    public static RunWriter create(RunFolder folder, Run run, @Nullable Vocabulary vocabulary, boolean probes)
            throws IOException {
        if (vocabulary != null) {
            folder.writeVocabulary(vocabulary);
        }
        MetricsLog metrics = MetricsLog.create(folder.metricsFile());
        return new RunWriter(folder, run, metrics,
                probes ? MetricsLog.create(folder.probesFile(), MetricsLog.PROBE_COLUMNS) : null);
    }

    /** Reopens a run's files to continue after step {@code from}, dropping the rows past it. */
    public static RunWriter reopen(RunFolder folder, Run run, long from, boolean probes) throws IOException {
        MetricsLog metrics = MetricsLog.reopen(folder.metricsFile(), from);
        return new RunWriter(folder, run, metrics,
                probes ? MetricsLog.reopen(folder.probesFile(), from, MetricsLog.PROBE_COLUMNS) : null);
    }

    public RunFolder folder() {
        return folder;
    }

    /** Marks the run as running in this process, at a step. */
    public void started(String message, long step) throws IOException {
        run.setStatus(RunStatus.RUNNING);
        run.setMessage(message);
        RunProcess.stamp(run);
        run.setStep(step);
        folder.writeRun(run);
    }

    /** Appends a step's row to metrics.csv ({@link MetricsLog#append}). */
    public void step(long step, int epoch, double loss, double gradNorm, double lr, double wallSeconds,
            double trainLoss, double valLoss, double valAccuracy) throws IOException {
        metrics.append(step, epoch, loss, gradNorm, lr, wallSeconds, trainLoss, valLoss, valAccuracy);
    }

    /** Appends a step's probe values to probes.csv, when the run keeps one. */
    public void probes(long step, Map<String, Double> values) throws IOException {
        MetricsLog p = probes;
        if (p != null) {
            for (Map.Entry<String, Double> v : values.entrySet()) {
                p.appendProbe(step, v.getKey(), v.getValue());
            }
        }
    }

    /** Writes a checkpoint and its step's trajectory point. */
    public void checkpoint(Checkpoint c) throws IOException {
        c.write(folder.checkpointFile(c.step()));
        folder.writeTrajectoryPoint(c.step(), c.parameters());
    }

    /**
     * A checkpoint in the course of the run: the logs reach the file first (a resumed run drops
     * the rows past its checkpoint), older checkpoints are pruned, and the run file follows.
     */
    public void periodic(Checkpoint c, int epoch) throws IOException {
        flush();
        checkpoint(c);
        folder.pruneCheckpoints(KEEP_CHECKPOINTS);
        run.setStep(c.step());
        run.setEpoch(epoch);
        run.setWallSeconds(c.wallSeconds());
        folder.writeRun(run);
    }

    /** Writes the buffered log rows to their files now. */
    public void flush() throws IOException {
        metrics.flush();
        MetricsLog p = probes;
        if (p != null) {
            p.flush();
        }
    }

    /** Flushes and closes the logs; both are closed even when closing one fails. Closing again does nothing. */
    public void closeLogs() throws IOException {
        MetricsLog p = probes;
        try {
            metrics.flush();
            metrics.close();
        } finally {
            if (p != null) {
                p.close();
            }
        }
    }

    /** Closes the logs if the session ended without {@link #closeLogs()} (a failed write, say). */
    @Override
    public void close() throws IOException {
        closeLogs();
    }

    /**
     * Replaces the provenance's account of where the passes computed: the implementations a
     * device's autotuning chose are known only once the passes have run. Written with the run file.
     */
    public void computePath(String computePath) {
        if (run.getProvenance() != null) {
            run.getProvenance().setBackend(computePath);
        }
    }

    /** Writes the run file with the session's outcome and its final metrics. */
    public void finished(RunStatus status, String message, long step, int epoch, double wallSeconds,
            Map<String, Double> finalMetrics) throws IOException {
        run.setStatus(status);
        run.setMessage(message);
        run.setStep(step);
        run.setEpoch(epoch);
        run.setWallSeconds(wallSeconds);
        run.setEnded(new Date());
        run.getMetrics().clear();
        finalMetrics.forEach((k, v) -> {
            Metric m = ExperimentFactory.eINSTANCE.createMetric();
            m.setName(k);
            m.setValue(v);
            run.getMetrics().add(m);
        });
        folder.writeRun(run);
    }
}
