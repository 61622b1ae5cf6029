package org.descent.experiment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.experiment.LiveRuns;
import org.descent.experiment.RunFolder;
import org.osgi.service.component.annotations.Component;

/** {@link LiveRuns} for the whole JVM: one instance, registered as a service. */
@Component(service = LiveRuns.class)
public final class LiveRunsService implements LiveRuns {

    /** A live run and the listeners that observers gave for it. */
    private final class Live implements RunListener {
        final RunFolder run;
        final Map<Observer, RunListener> listeners = new ConcurrentHashMap<>();

        Live(RunFolder run) {
            this.run = run;
        }

        @Override
        public void step(long step, int epoch, double loss, double gradientNorm, double learningRate,
                Map<String, Double> probes) {
            for (RunListener l : listeners.values()) {
                l.step(step, epoch, loss, gradientNorm, learningRate, probes);
            }
        }

        @Override
        public void epoch(int epoch, long step, double meanLoss) {
            for (RunListener l : listeners.values()) {
                l.epoch(epoch, step, meanLoss);
            }
        }

        @Override
        public void evaluation(long step, int epoch, Map<String, Double> metrics) {
            for (RunListener l : listeners.values()) {
                l.evaluation(step, epoch, metrics);
            }
        }

        @Override
        public void status(RunStatus status, String message) {
            for (RunListener l : listeners.values()) {
                l.status(status, message);
            }
            if (status.isFinal()) {
                runs.remove(this);
            }
        }

        void attach(Observer o) {
            RunListener l = o.started(run);
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
