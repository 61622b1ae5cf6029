package org.descent.ui.monitor.data;

import java.util.Map;

import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.ui.charts.GrowingSeries;

/**
 * Records a run training in this JVM event by event into its {@link RunSeries}. It runs on the
 * training thread and only appends to preallocated arrays: a step without probe values
 * allocates nothing (the arrays double now and then); drawing happens elsewhere.
 */
public final class LiveRecorder implements RunListener {

    private final RunSeries series;
    private final GrowingSeries loss;
    private final GrowingSeries gradNorm;
    private final GrowingSeries lr;
    private final long startNanos = System.nanoTime();

    public LiveRecorder(RunSeries series) {
        this.series = series;
        this.loss = series.metric(RunSeries.LOSS);
        this.gradNorm = series.metric(RunSeries.GRAD_NORM);
        this.lr = series.metric(RunSeries.LR);
        series.setStatus(RunStatus.RUNNING.id());
        series.clock().setStart(System.currentTimeMillis() / 1000.0);
    }

    public RunSeries series() {
        return series;
    }

    @Override
    public void step(long step, int epoch, double value, double gradientNorm, double learningRate,
            Map<String, Double> probes) {
        series.clock().record(step, epoch, (System.nanoTime() - startNanos) / 1e9);
        loss.append(step, value);
        gradNorm.append(step, gradientNorm);
        lr.append(step, learningRate);
        if (!probes.isEmpty()) {
            for (Map.Entry<String, Double> p : probes.entrySet()) {
                series.probe(p.getKey()).append(step, p.getValue());
            }
        }
    }

    @Override
    public void epoch(int epoch, long step, double meanLoss) {
        series.metric(RunSeries.TRAIN_LOSS).append(step, meanLoss);
    }

    @Override
    public void evaluation(long step, int epoch, Map<String, Double> metrics) {
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            series.metric(m.getKey()).append(step, m.getValue());
        }
    }

    @Override
    public void status(RunStatus status, String message) {
        series.setStatus(message.isEmpty() ? status.id() : status.id() + ": " + message);
    }
}
