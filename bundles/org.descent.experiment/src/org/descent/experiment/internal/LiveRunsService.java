package org.descent.experiment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.experiment.LiveRuns;
import org.descent.experiment.RunFolder;
import org.eclipse.core.runtime.ILog;
import org.osgi.service.component.annotations.Component;

/** {@link LiveRuns} for the whole JVM: one instance, registered as a service. */
@Component(service = LiveRuns.class)
public final class LiveRunsService implements LiveRuns {

    /**
     * A live run and the listeners that observers gave for it. An observer's listener that throws
     * neither stops the run nor keeps the others (or the run's leaving the list) from happening.
     */
    private final class Live implements RunListener {
        final RunFolder run;
        final Map<Observer, RunListener> listeners = new ConcurrentHashMap<>();
        /** Observers' listeners that threw: logged once, they keep hearing the run. */
        final Set<RunListener> failed = ConcurrentHashMap.newKeySet();

        Live(RunFolder run) {
            this.run = run;
        }

        @Override
        public void step(long step, int epoch, double loss, double gradientNorm, double learningRate,
                Map<String, Double> probes) {
            Listeners.deliver(listeners.values(), failed,
                    l -> l.step(step, epoch, loss, gradientNorm, learningRate, probes), () -> "step " + step);
        }

        @Override
        public void epoch(int epoch, long step, double meanLoss) {
            Listeners.deliver(listeners.values(), failed, l -> l.epoch(epoch, step, meanLoss),
                    () -> "the end of epoch " + epoch);
        }

        @Override
        public void evaluation(long step, int epoch, Map<String, Double> metrics) {
            Listeners.deliver(listeners.values(), failed, l -> l.evaluation(step, epoch, metrics),
                    () -> "the evaluation at step " + step);
        }

        @Override
        public void status(RunStatus status, String message) {
            Listeners.deliver(listeners.values(), failed, l -> l.status(status, message), () -> "status " + status.id());
            if (status.isFinal()) {
                runs.remove(this);
            }
        }

        /** Gives an observer the run; one that throws is logged and does not follow it. */
        void attach(Observer o) {
            RunListener l;
            try {
                l = o.started(run);
            } catch (RuntimeException e) {
                ILog.of(LiveRunsService.class).error("run observer " + o.getClass().getName() + " failed on "
                        + run.dir() + "; it does not follow the run", e);
                return;
            }
            if (l != null) {
                listeners.put(o, l);
            }
        }
    }

    private final List<Live> runs = new CopyOnWriteArrayList<>();
    private final List<Observer> observers = new CopyOnWriteArrayList<>();

    @Override
    public RunListener announce(RunFolder run) {
        Live live = new Live(run);
        runs.add(live);
        for (Observer o : observers) {
            live.attach(o);
        }
        return live;
    }

    @Override
    public List<RunFolder> active() {
        List<RunFolder> out = new ArrayList<>();
        for (Live l : runs) {
            out.add(l.run);
        }
        return out;
    }

    @Override
    public AutoCloseable observe(Observer observer) {
        observers.add(observer);
        for (Live l : runs) {
            l.attach(observer);
        }
        return () -> {
            observers.remove(observer);
            for (Live l : runs) {
                l.listeners.remove(observer);
            }
        };
    }
}
