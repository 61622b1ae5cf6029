package org.descent.headless.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.descent.sweep.Study;
import org.descent.sweep.Sweeper;
import org.descent.sweep.spark.SparkTrials;
import org.descent.sweep.spark.TrialLink;

/**
 * {@code descent sweep-trial --receiver HOST:PORT --trial N [--attempt A]}: one trial of a sweep
 * whose sweeping process runs elsewhere (its receiver's token in {@code DESCENT_SWEEP_TOKEN}). Fetches the sweep and the trial's run folder from the
 * sweeping process, trains the trial (resuming from its checkpoint when the run folder has one),
 * streams the run folder back while it trains, and asks the sweeping process at ASHA's rungs.
 * Exits 0 when the trial ended (whatever its status, failed included: the sweep records it); 1
 * when the sweeping process was lost, so that Spark runs the task again.
 * <p>
 * {@code descent sweep-trial --serve FILE}: what the Spark tasks of one executor share, so that a
 * trial does not pay for a JVM, the framework and ND4J: trains the trials the tasks ask for on the
 * loopback address (a line {@code RECEIVER TRIAL ATTEMPT TOKEN}, answered by the exit code a single
 * trial gives), each on a thread of its own, writes its port to FILE, cancels a trial whose task
 * went (its connection closed), and exits when the process that started it (the executor) is gone.
 */
public final class SweepTrialCommand implements Command {

    /** The exit code when the trial could not report its end: the task fails and Spark retries it. */
    static final int LOST = 1;

    @Override
    public int run(CommandContext context) throws Exception {
        if (context.has("serve")) {
            return serve(context, Path.of(context.option("serve").orElseThrow()));
        }
        String receiver = context.option("receiver")
                .orElseThrow(() -> new UsageException("option '--receiver' is required (HOST:PORT)"));
        int trial = whole(context, "trial", -1);
        int attempt = whole(context, "attempt", 0);
        if (trial < 0) {
            throw new UsageException("option '--trial' is required (the trial's index)");
        }
        try (CancelOnExit exit = new CancelOnExit("descent-sweep-trial-cancel-on-interrupt")) {
            // Ctrl-C or SIGTERM of this process cancels the trial as the sweep's cancel does
            String token = System.getenv(SparkTrials.TOKEN);
            if (token == null) {
                throw new UsageException("the environment variable " + SparkTrials.TOKEN + " must hold the receiver's"
                        + " token (the sweep's Spark job hands it to its tasks)");
            }
            return trial(context, receiver, token, trial, attempt, exit.monitor()::isCanceled);
        }
    }

    /** One trial; {@code gone} says when whoever asked for it is gone (then it is cancelled). */
    private static int trial(CommandContext context, String receiver, String token, int trial, int attempt,
            BooleanSupplier gone) throws Exception {
        Path work = Files.createTempDirectory("descent-trial-" + trial + "-");
        try (TrialLink link = TrialLink.connect(receiver, token, trial, attempt, work)) {
            Thread relay = new Thread(() -> {
                while (!link.monitor().isCanceled()) {
                    if (gone.getAsBoolean()) {
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
                context.err().println("descent sweep-trial: trial " + trial + ": the sweeping process at " + receiver
                        + " was lost");
                return LOST;
            }
            link.end(trained, null);
            return OK;
        } catch (IOException e) {
            context.err().println("descent sweep-trial: trial " + trial + ": " + e.getMessage());
            return LOST;
        } finally {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int serve(CommandContext context, Path portFile) throws IOException {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Path tmp = Files.createTempFile(portFile.toAbsolutePath().getParent(), ".port", ".tmp");
            Files.writeString(tmp, server.getLocalPort() + "\n");
            Files.move(tmp, portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Thread watch = new Thread(() -> {
                while (parent == null || parent.isAlive()) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                // the executor is gone, and its tasks with it: so are their trials
                Runtime.getRuntime().halt(LOST);
            }, "descent-sweep-trial-server-parent");
            watch.setDaemon(true);
            watch.start();
            while (true) {
                Socket task = server.accept();
                Thread t = new Thread(() -> serveTask(context, task), "descent-sweep-trial-task");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    /** One task: its request line, the trial, the exit code back; the trial is cancelled if the task goes. */
    private static void serveTask(CommandContext context, Socket task) {
        try (task) {
            BufferedReader in = new BufferedReader(new InputStreamReader(task.getInputStream(), StandardCharsets.UTF_8));
            String[] request = String.valueOf(in.readLine()).strip().split(" ");
            if (request.length != 4) {
                return;
            }
            int trial = Integer.parseInt(request[1]);
            int attempt = Integer.parseInt(request[2]);
            // the task sends nothing more: the end of its stream is the task gone
            java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
            Thread eof = new Thread(() -> {
                try {
                    while (in.read() >= 0) {
                        // nothing is expected
                    }
                } catch (IOException e) {
                    // closed
                }
                gone.set(true);
            }, "descent-sweep-trial-task-eof");
            eof.setDaemon(true);
            eof.start();
            int code = trial(context, request[0], request[3], trial, attempt, gone::get);
            OutputStream out = task.getOutputStream();
            out.write((code + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (Exception e) {
            context.err().println("descent sweep-trial: " + e);
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
