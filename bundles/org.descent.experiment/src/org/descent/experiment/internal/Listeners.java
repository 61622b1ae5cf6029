package org.descent.experiment.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
        deliver(listeners, failed, l -> l.step(step, epoch, loss, gradientNorm, learningRate, probes),
                () -> "step " + step);
    }

    @Override
    public void epoch(int epoch, long step, double meanLoss) {
        deliver(listeners, failed, l -> l.epoch(epoch, step, meanLoss), () -> "the end of epoch " + epoch);
    }

    @Override
    public void evaluation(long step, int epoch, Map<String, Double> metrics) {
        deliver(listeners, failed, l -> l.evaluation(step, epoch, metrics), () -> "the evaluation at step " + step);
    }

    @Override
    public void status(RunStatus status, String message) {
        deliver(listeners, failed, l -> l.status(status, message), () -> "status " + status.id());
    }

    /**
     * Hands an event to each listener in turn; a listener that throws is logged the first time
     * (and remembered in {@code failed}), and the others still hear the event.
     *
     * @param what the event, for the log
     */
    public static void deliver(Iterable<? extends RunListener> listeners, Set<RunListener> failed,
            Consumer<RunListener> event, Supplier<String> what) {
        for (RunListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                if (failed.add(l)) {
                    ILog.of(Listeners.class).error("run listener " + l.getClass().getName() + " failed on " + what.get()
                            + "; the run goes on (further failures of this listener are not logged)", e);
                }
            }
        }
    }
}
