package org.descent.sweep.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.descent.core.MixedPrecisionPolicy;
import org.descent.experiment.RunFolder;
import org.descent.experiment.internal.AtomicFiles;
import org.descent.sweep.SweepFolder;
import org.descent.sweep.TrialExecutor;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The sweeping process' end of the trials that train elsewhere: hands each trial attempt its
 * sweep (the sweep file, the experiment, the trial's run folder with its checkpoints), writes
 * the files it streams back into the trial's run folder as they come (so {@code descent sweep
 * show} and the Monitor follow it), answers its rungs, and records its end. A newer attempt of a
 * trial (Spark's retry) replaces the older one, whose connection is closed.
 */
public final class Receiver implements AutoCloseable {

    private final ServerSocket server;
    private final TrialExecutor.Trials trials;
    private final MixedPrecisionPolicy.LossScaling lossScaling;
    private final Consumer<String> log;
    private final Map<Integer, Link> current = new HashMap<>();
    private final Set<Integer> ended = new HashSet<>();
    private final Set<Integer> expected;
    private volatile boolean cancelled;
    private final String token = java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16));
    /** How long a trial waits at a rung before a stall is suspected, in milliseconds. */
    private static final long STALL_MS = 60_000;

    /**
     * @param port the port to listen on (0: any free one), on every interface
     * @param expected the trials attempts may ask for
     */
    public Receiver(int port, TrialExecutor.Trials trials, Set<Integer> expected,
            MixedPrecisionPolicy.LossScaling lossScaling, Consumer<String> log) throws IOException {
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(port));
        this.trials = trials;
        this.expected = Set.copyOf(expected);
        this.lossScaling = lossScaling;
        this.log = log;
        Thread accept = new Thread(this::accept, "descent-sweep-receiver");
        accept.setDaemon(true);
        accept.start();
    }

    /** The port trials connect to. */
    public int port() {
        return server.getLocalPort();
    }

    /** The secret an attempt must present: the sweep's job hands it to its tasks. */
    public String token() {
        return token;
    }

    /** The trials whose end was recorded. */
    public synchronized Set<Integer> ended() {
        return Set.copyOf(ended);
    }

    /** How many trial attempts are connected. */
    public synchronized int connected() {
        return current.size();
    }

    /** Asks every trial to stop and save (the sweep was cancelled); new attempts are cancelled at once. */
    public void cancel() {
        cancelled = true;
        List<Link> links;
        synchronized (this) {
            links = new ArrayList<>(current.values());
        }
        links.forEach(l -> l.send(Wire.CANCEL, null));
    }

    @Override
    public void close() throws IOException {
        server.close();
        List<Link> links;
        synchronized (this) {
            links = new ArrayList<>(current.values());
        }
        links.forEach(Link::close);
    }

    /**
     * Says once when a trial waiting at a rung has waited a minute while a trial before it is not
     * running anywhere (lost, its retry waiting for a task slot): if every slot holds such a
     * waiting trial, the sweep stalls.
     */
    private Thread stallWatch(int trial, int epochs) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(STALL_MS);
            } catch (InterruptedException e) {
                return;
            }
            List<Integer> absent;
            synchronized (this) {
                absent = expected.stream().filter(j -> j < trial && !ended.contains(j) && !current.containsKey(j))
                        .sorted().toList();
            }
            if (!absent.isEmpty()) {
                log.accept("spark: trial " + trial + " has waited " + STALL_MS / 1000 + " s at epoch " + epochs
                        + " for trial(s) " + absent + ", which run nowhere now (lost, or waiting for a task slot); if"
                        + " every slot holds a waiting trial the sweep stalls: Ctrl-C, then sweep resume");
            }
        }, "descent-sweep-receiver-stall");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                Thread t = new Thread(() -> new Link(s).serve(), "descent-sweep-receiver-trial");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                // closed
            }
        }
    }

    /** One trial attempt's connection. */
    private final class Link {
        private final Socket socket;
        private @Nullable DataOutputStream out;
        private int trial = -1;
        private int attempt;

        Link(Socket socket) {
            this.socket = socket;
        }

        void serve() {
            try (socket) {
                socket.setTcpNoDelay(true);
                DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
                out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
                if (in.readInt() != Wire.MAGIC || in.readInt() != Wire.VERSION || in.readByte() != Wire.HELLO) {
                    return;
                }
                int t = in.readInt();
                attempt = in.readInt();
                String host = in.readUTF();
                // only the tasks of this sweep's job, which were given the token, write into its trials
                if (!java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        in.readUTF().getBytes(java.nio.charset.StandardCharsets.UTF_8)) || !expected.contains(t)) {
                    return;
                }
                Link old;
                synchronized (Receiver.this) {
                    trial = t;
                    old = current.put(t, this);
                }
                if (old != null) {
                    old.close();
                }
                RunFolder run = trials.folder().trial(t);
                long from;
                synchronized (run) {
                    from = run.isRun() ? run.latestCheckpoint().map(c -> c.step()).orElse(0L) : 0;
                    hello(run);
                }
                trials.started(t);
                log.accept("spark: trial " + t + " attempt " + attempt + " on " + host + (from > 0
                        ? ", resuming from its checkpoint of step " + from : ""));
                while (true) {
                    byte m = in.readByte();
                    switch (m) {
                    case Wire.FILE -> file(run, in.readUTF(), in.readBoolean(), in.readLong(), Wire.readBytes(in));
                    case Wire.DELETE -> {
                        String rel = in.readUTF();
                        synchronized (run) {
                            if (isCurrent()) {
                                Files.deleteIfExists(Wire.inside(run.dir(), rel));
                            }
                        }
                    }
                    case Wire.RUNG -> {
                        int epochs = in.readInt();
                        double value = in.readDouble();
                        TrialExecutor.Verdict v;
                        if (cancelled) {
                            v = TrialExecutor.Verdict.CANCELLED;
                        } else {
                            Thread watch = stallWatch(t, epochs);
                            try {
                                v = trials.rung(t, epochs, value);
                            } finally {
                                watch.interrupt();
                            }
                        }
                        send(v.cancelled() ? Wire.CANCEL : v.stop() != null ? Wire.STOP : Wire.GO, v.stop());
                    }
                    case Wire.END -> {
                        String status = in.readUTF();
                        String stopped = in.readUTF();
                        String failure = in.readUTF();
                        if (isCurrent()) {
                            if (!failure.isEmpty()) {
                                trials.failed(t, failure);
                            } else {
                                trials.ended(t, status, stopped.isEmpty() ? null : stopped);
                            }
                            synchronized (Receiver.this) {
                                ended.add(t);
                                current.remove(t, this);
                            }
                        }
                        send(Wire.DONE, null);
                        return;
                    }
                    default -> throw new IOException("unknown message " + m);
                    }
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                boolean lost;
                synchronized (Receiver.this) {
                    lost = trial >= 0 && current.remove(trial, this);
                }
                if (lost) {
                    log.accept("spark: trial " + trial + " attempt " + attempt + " lost (" + (e.getMessage() == null
                            ? e.getClass().getSimpleName() : e.getMessage()) + "); Spark runs it again from its last"
                            + " checkpoint");
                }
            }
        }

        private boolean isCurrent() {
            synchronized (Receiver.this) {
                return current.get(trial) == this;
            }
        }

        /** The sweep for the attempt: sweep file, experiment, the trial's run folder; the loss scaling. */
        private void hello(RunFolder run) throws IOException {
            Path sweep = trials.folder().dir();
            List<Path> files = new ArrayList<>(List.of(trials.folder().sweepFile(),
                    sweep.resolve(SweepFolder.EXPERIMENT_FILE)));
            if (Files.isDirectory(run.dir())) {
                try (Stream<Path> s = Files.walk(run.dir())) {
                    s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted().forEach(files::add);
                }
            }
            DataOutputStream o = java.util.Objects.requireNonNull(out);
            synchronized (this) {
                o.writeInt(files.size());
                for (Path f : files) {
                    o.writeUTF(sweep.relativize(f).toString().replace('\\', '/'));
                    Wire.writeBytes(o, Files.readAllBytes(f));
                }
                o.writeBoolean(lossScaling.dynamic());
                o.writeDouble(lossScaling.initialScale());
                o.writeDouble(lossScaling.growthFactor());
                o.writeDouble(lossScaling.backoffFactor());
                o.writeInt(lossScaling.growthInterval());
                o.writeBoolean(cancelled);
                o.flush();
            }
        }

        /** Writes what the trial sent: appended at its offset, or the whole file replaced atomically. */
        private void file(RunFolder run, String rel, boolean append, long offset, byte[] bytes) throws IOException {
            synchronized (run) {
                if (!isCurrent()) {
                    return;
                }
                Path p = Wire.inside(run.dir(), rel);
                Files.createDirectories(p.getParent());
                if (append) {
                    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
                        f.setLength(offset);
                        f.seek(offset);
                        f.write(bytes);
                    }
                } else {
                    AtomicFiles.write(p, o -> o.write(bytes));
                }
            }
        }

        void send(byte message, @Nullable String text) {
            DataOutputStream o = out;
            if (o == null) {
                return;
            }
            synchronized (this) {
                try {
                    o.writeByte(message);
                    if (message == Wire.STOP) {
                        o.writeUTF(java.util.Objects.requireNonNull(text));
                    }
                    o.flush();
                } catch (IOException e) {
                    close();
                }
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
