package org.descent.headless.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.descent.sweep.Study;
import org.descent.sweep.Sweeper;
import org.descent.sweep.spark.TrialLink;

/**
 * {@code descent sweep-trial --receiver HOST:PORT --trial N [--attempt A]}: what each Spark task
 * of {@code descent sweep --spark} runs. Fetches the sweep and the trial's run folder from the
 * sweeping process, trains the trial (resuming from its checkpoint when the run folder has one),
 * streams the run folder back while it trains, and asks the sweeping process at ASHA's rungs.
 * Exits 0 when the trial ended (whatever its status, failed included: the sweep records it);
 * 1 when the sweeping process was lost, so that Spark runs the task again.
 */
public final class SweepTrialCommand implements Command {

    /** The exit code when the trial could not report its end: the task fails and Spark retries it. */
    static final int LOST = 1;

    @Override
    public int run(CommandContext context) throws Exception {
        String receiver = context.option("receiver")
                .orElseThrow(() -> new UsageException("option '--receiver' is required (HOST:PORT)"));
        int trial = whole(context, "trial", -1);
        int attempt = whole(context, "attempt", 0);
        if (trial < 0) {
            throw new UsageException("option '--trial' is required (the trial's index)");
        }
        Path work = Files.createTempDirectory("descent-trial-" + trial + "-");
        try (CancelOnExit exit = new CancelOnExit("descent-sweep-trial-cancel-on-interrupt");
                TrialLink link = TrialLink.connect(receiver, trial, attempt, work)) {
            // Ctrl-C or SIGTERM of this process cancels the trial as the sweep's cancel does
            Thread relay = new Thread(() -> {
                while (!link.monitor().isCanceled()) {
                    if (exit.monitor().isCanceled()) {
                        link.monitor().setCanceled(true);
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "descent-sweep-trial-cancel");
            relay.setDaemon(true);
            relay.start();
            String ended = link.endedBefore();
            if (ended != null) {
                link.end(new Sweeper.Trained(ended, null), null);
                return OK;
            }
            Study study = link.folder().study();
            Sweeper sweeper = new Sweeper(context.registry(), l -> context.err().println("descent sweep-trial: " + l))
                    .lossScaling(link.lossScaling());
            Sweeper.Trained trained;
            try {
                trained = sweeper.trainAlone(link.folder(), trial, link.rung(study), link.monitor());
            } catch (Exception | LinkageError e) {
                if (link.lost()) {
                    return LOST;
                }
                link.end(null, e.getMessage() == null ? e.getClass().getName() : e.getMessage());
                return OK;
            }
            if (link.lost()) {
                context.err().println("descent sweep-trial: the sweeping process at " + receiver + " was lost");
                return LOST;
            }
            link.end(trained, null);
            return OK;
        } catch (java.io.IOException e) {
            context.err().println("descent sweep-trial: trial " + trial + ": " + e.getMessage());
            return LOST;
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int whole(CommandContext c, String option, int fallback) throws UsageException {
        String text = c.option(option).orElse(null);
        if (text == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("option '--" + option + "': '" + text + "' is not valid, expected a whole number >= 0");
    }
}
