package org.descent.experiment.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.eclipse.core.runtime.ILog;

/**
 * A run's listeners behind one: a listener that throws (a view's observer with a bug) does not
 * stop the run or the other listeners; its first failure is logged with its class, and it keeps
 * hearing the events.
 */
public final class Listeners implements RunListener {

    private final List<RunListener> listeners;
    private final Set<RunListener> failed = ConcurrentHashMap.newKeySet();

    public Listeners(List<RunListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void step(long step, int epoch, double loss, double gradientNorm, double learningRate,
            Map<String, Double> probes) {
        each(l -> l.step(step, epoch, loss, gradientNorm, learningRate, probes), "step " + step);
    }

    @Override
    public void epoch(int epoch, long step, double meanLoss) {
        each(l -> l.epoch(epoch, step, meanLoss), "the end of epoch " + epoch);
    }

    @Override
    public void evaluation(long step, int epoch, Map<String, Double> metrics) {
        each(l -> l.evaluation(step, epoch, metrics), "the evaluation at step " + step);
    }

    @Override
    public void status(RunStatus status, String message) {
        each(l -> l.status(status, message), "status " + status.id());
    }

    private void each(Consumer<RunListener> event, String what) {
        for (RunListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                if (failed.add(l)) {
                    ILog.of(Listeners.class).error("run listener " + l.getClass().getName() + " failed on " + what
                            + "; the run goes on (further failures of this listener are not logged)", e);
                }
            }
        }
    }
}
