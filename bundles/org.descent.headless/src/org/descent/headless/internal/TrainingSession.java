package org.descent.headless.internal;

import org.descent.core.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.Trainer;
import org.descent.experiment.TrainingResult;
import org.descent.headless.Command;
import org.eclipse.core.runtime.NullProgressMonitor;

/**
 * Runs training from the command line: progress on standard error about once a second, Ctrl-C
 * cancels (the run is saved as cancelled and the process exits with 130), and the result is
 * printed as text or JSON. Shared by {@code train}, {@code run} and {@code resume}.
 */
final class TrainingSession {

    /** Exit code of a diverged run. */
    static final int DIVERGED = 3;
    /** Exit code of a cancelled run (as after SIGINT). */
    static final int CANCELLED = 130;

    /** What to train: a fresh run or a resumed one. */
    interface Work {
        TrainingResult run(Trainer trainer, NullProgressMonitor monitor) throws Exception;
    }

    private TrainingSession() {
    }

    static int run(String command, Work work, boolean json, PrintStream out, PrintStream err) throws Exception {
        Trainer trainer = new Trainer().listener(new Progress(command, err));
        TrainingResult result;
        try (CancelOnExit cancel = new CancelOnExit("descent-cancel-on-interrupt")) {
            result = work.run(trainer, cancel.monitor());
        } catch (ExperimentException e) {
            for (String p : e.problems()) {
                err.println("descent " + command + ": " + p);
            }
            return Command.USAGE;
        }
        if (json) {
            out.println(Json.write(toJson(result)));
        } else {
            print(result, out);
        }
        if (result.status() != RunStatus.DONE) {
            err.println("descent " + command + ": " + result.message() + " (run saved in " + result.folder().dir() + ")");
        }
        return switch (result.status()) {
        case DONE -> Command.OK;
        case DIVERGED -> DIVERGED;
        case CANCELLED -> CANCELLED;
        default -> Command.FAILURE;
        };
    }

    static Map<String, Object> toJson(TrainingResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().id());
        m.put("message", r.message());
        m.put("run", r.folder().dir().toString());
        m.put("steps", r.steps());
        m.put("epoch", r.epoch());
        m.put("final_loss", r.finalLoss());
        m.put("metrics", r.metrics());
        m.put("wall_seconds", r.wallSeconds());
        if (!r.parameters().isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>();
            r.parameters().forEach((k, v) -> {
                if (v.length == 1) {
                    p.put(k, v[0]);
                } else {
                    List<Object> l = new ArrayList<>();
                    for (double x : v) {
                        l.add(x);
                    }
                    p.put(k, l);
                }
            });
            m.put("parameters", p);
        }
        return m;
    }

    private static void print(TrainingResult r, PrintStream out) {
        out.println("status      " + r.status().id() + " (" + r.message() + ")");
        out.println("run         " + r.folder().dir());
        out.println("steps       " + r.steps() + " (epoch " + r.epoch() + ")");
        out.println("final loss  " + r.finalLoss());
        r.metrics().forEach((k, v) -> out.println(String.format("%-11s %s", k, v)));
        out.println(String.format("wall time   %.3f s", r.wallSeconds()));
        r.parameters().forEach((k, v) -> out.println(String.format("%-11s %s", k,
                v.length == 1 ? Double.toString(v[0]) : java.util.Arrays.toString(v))));
    }

    /** Prints one progress line about every second. */
    private static final class Progress implements RunListener {
        private final String command;
        private final PrintStream err;
        private long last = System.nanoTime();

        Progress(String command, PrintStream err) {
            this.command = command;
            this.err = err;
        }

        @Override
        public void step(long step, int epoch, double loss, double gradientNorm, double learningRate,
                Map<String, Double> probes) {
            long now = System.nanoTime();
            if (now - last >= 1_000_000_000L) {
                last = now;
                err.println(String.format(java.util.Locale.ROOT, "descent %s: step %d  epoch %d  loss %.6g  |grad| %.3g  lr %.3g",
                        command, step, epoch, loss, gradientNorm, learningRate));
            }
        }

        @Override
        public void evaluation(long step, int epoch, Map<String, Double> metrics) {
            StringBuilder sb = new StringBuilder("descent " + command + ": epoch " + epoch + " evaluated:");
            metrics.forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT, "  %s %.4g", k, v)));
            if (System.nanoTime() - last >= 1_000_000_000L) {
                err.println(sb);
            }
        }
    }
}
