package org.descent.sweep.spark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.RunStatus;
import org.descent.experiment.ExperimentException;
import org.descent.experiment.RunFolder;
import org.descent.experiment.internal.RunProcess;
import org.descent.experiment.model.Run;
import org.descent.sweep.Study;
import org.descent.sweep.SweepFolder;
import org.descent.sweep.Sweeper;
import org.descent.sweep.TrialExecutor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A trial's end of its connection to the sweeping process ({@link Receiver}): fetches the sweep
 * into a local folder (the trial's run folder too, to resume from its checkpoint), streams the
 * run folder's files back while it trains (appended rows of the CSV files, whole files otherwise,
 * deletions), asks the sweeping process at each rung, and reports the end. The monitor is
 * cancelled when the sweep is, or when the connection is lost.
 */
public final class TrialLink implements AutoCloseable {

    /** How often the run folder is looked at for new bytes, in milliseconds. */
    private static final long SYNC_MS = 200;
    /** How many bytes of a CSV file's end tell an append from a rewrite. */
    private static final int TAIL = 64;

    private final Socket socket;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final int trial;
    private final SweepFolder folder;
    private final RunFolder run;
    private final MixedPrecisionPolicy.LossScaling lossScaling;
    private final NullProgressMonitor monitor = new NullProgressMonitor();
    private final BlockingQueue<TrialExecutor.Verdict> verdicts = new LinkedBlockingQueue<>();
    private final CountDownLatch done = new CountDownLatch(1);
    private final Map<String, Sent> sent = new HashMap<>();
    private volatile boolean lost;
    private final Thread shipper;

    /** What the sweeping process has of a file: its size, time and last bytes when sent. */
    private record Sent(long size, FileTime time, byte[] tail) {
    }

    private TrialLink(Socket socket, int trial, Path work) throws IOException {
        this.socket = socket;
        this.trial = trial;
        socket.setTcpNoDelay(true);
        in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
        out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 1 << 16));
        int files = in.readInt();
        for (int i = 0; i < files; i++) {
            Path p = Wire.inside(work, in.readUTF());
            Files.createDirectories(p.getParent());
            Files.write(p, Wire.readBytes(in));
        }
        lossScaling = new MixedPrecisionPolicy.LossScaling(in.readBoolean(), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readInt());
        if (in.readBoolean()) {
            monitor.setCanceled(true);
        }
        folder = new SweepFolder(work);
        run = folder.trial(trial);
        if (run.isRun()) {
            try {
                Run r = run.readRun();
                // the attempt before this one is gone (the sweeping process closed it): it was interrupted
                if (r.getStatus() == RunStatus.RUNNING) {
                    r.setStatus(RunStatus.INTERRUPTED);
                    run.writeRun(r);
                }
            } catch (ExperimentException e) {
                throw new IOException(String.join("; ", e.problems()), e);
            }
        }
        if (Files.isDirectory(run.dir())) {
            for (Path p : files(run.dir())) {
                sent.put(rel(p), sent(p, Files.size(p)));
            }
        }
        Thread reader = new Thread(this::read, "descent-trial-link-reader");
        reader.setDaemon(true);
        reader.start();
        shipper = new Thread(this::ship, "descent-trial-link-shipper");
        shipper.setDaemon(true);
        shipper.start();
    }

    /**
     * Connects to the sweeping process and fetches the sweep into {@code work}.
     *
     * @param receiver HOST:PORT
     * @param token the receiver's token ({@link Receiver#token()})
     */
    public static TrialLink connect(String receiver, String token, int trial, int attempt, Path work)
            throws IOException {
        int colon = receiver.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + receiver + "' is not HOST:PORT");
        }
        int port;
        try {
            port = Integer.parseInt(receiver.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + receiver + "' is not HOST:PORT");
        }
        Socket s = new Socket();
        s.connect(new InetSocketAddress(receiver.substring(0, colon), port), 30_000);
        DataOutputStream o = new DataOutputStream(new BufferedOutputStream(s.getOutputStream()));
        o.writeInt(Wire.MAGIC);
        o.writeInt(Wire.VERSION);
        o.writeByte(Wire.HELLO);
        o.writeInt(trial);
        o.writeInt(attempt);
        o.writeUTF(RunProcess.host());
        o.writeUTF(token);
        o.flush();
        try {
            return new TrialLink(s, trial, work);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** The local copy of the sweep. */
    public SweepFolder folder() {
        return folder;
    }

    /** The loss scaling the sweep was started with. */
    public MixedPrecisionPolicy.LossScaling lossScaling() {
        return lossScaling;
    }

    /** Cancelled when the sweep is cancelled or the connection is lost. */
    public NullProgressMonitor monitor() {
        return monitor;
    }

    /** Whether the connection was lost (then nothing this attempt does reaches the sweep). */
    public boolean lost() {
        return lost;
    }

    /**
     * The trial's status as the sweep recorded it when it already ended (an attempt whose end was
     * recorded but not heard of, run again), or {@code null}.
     */
    public @Nullable String endedBefore() throws IOException {
        for (SweepFolder.TrialState t : folder.states()) {
            if (t.index() == trial) {
                return SweepFolder.ANALYSED.contains(t.status()) ? t.status() : null;
            }
        }
        return null;
    }

    /** The sweeping process' rungs, or {@code null} when the study stops no trial early. */
    public Sweeper.@Nullable Rung rung(Study study) {
        if (study.asha() == null) {
            return null;
        }
        return new Sweeper.Rung() {
            @Override
            public boolean isRung(int epochs) {
                return study.asha().isRung(epochs);
            }

            @Override
            public TrialExecutor.Verdict decide(int t, int epochs, double value) throws InterruptedException {
                try {
                    synchronized (TrialLink.this) {
                        sync();
                        out.writeByte(Wire.RUNG);
                        out.writeInt(epochs);
                        out.writeDouble(value);
                        out.flush();
                    }
                } catch (IOException e) {
                    lose();
                }
                while (!lost) {
                    TrialExecutor.Verdict v = verdicts.poll(100, TimeUnit.MILLISECONDS);
                    if (v != null) {
                        return v;
                    }
                }
                return TrialExecutor.Verdict.CANCELLED;
            }
        };
    }

    /**
     * Sends the run folder's last bytes and the trial's end, and waits until the sweeping process
     * recorded it.
     *
     * @param failure why the trial failed, or {@code null}
     * @throws IOException when the connection is lost before the end is recorded
     */
    public void end(Sweeper.@Nullable Trained trained, @Nullable String failure) throws IOException {
        shipper.interrupt();
        synchronized (this) {
            sync();
            out.writeByte(Wire.END);
            out.writeUTF(trained == null ? RunStatus.CANCELLED.id() : trained.status());
            out.writeUTF(trained == null || trained.stopped() == null ? "" : trained.stopped());
            out.writeUTF(failure == null ? "" : failure.isEmpty() ? "failed" : failure);
            out.flush();
        }
        try {
            if (!done.await(120, TimeUnit.SECONDS) || lost) {
                throw new IOException("the sweeping process did not confirm trial " + trial + "'s end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the sweeping process", e);
        }
    }

    @Override
    public void close() throws IOException {
        shipper.interrupt();
        socket.close();
    }

    private void read() {
        try {
            while (true) {
                byte m = in.readByte();
                switch (m) {
                case Wire.GO -> verdicts.add(TrialExecutor.Verdict.GO);
                case Wire.STOP -> verdicts.add(new TrialExecutor.Verdict(in.readUTF(), false));
                case Wire.CANCEL -> {
                    monitor.setCanceled(true);
                    verdicts.add(TrialExecutor.Verdict.CANCELLED);
                }
                case Wire.DONE -> {
                    done.countDown();
                    return;
                }
                default -> throw new IOException("unknown message " + m);
                }
            }
        } catch (IOException e) {
            lose();
        }
    }

    private void lose() {
        lost = true;
        monitor.setCanceled(true);
        done.countDown();
    }

    private void ship() {
        while (!Thread.currentThread().isInterrupted() && !lost) {
            try {
                Thread.sleep(SYNC_MS);
                synchronized (this) {
                    sync();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                lose();
            }
        }
    }

    /**
     * Sends what changed in the run folder since the last time. The files are read in name order
     * (a checkpoint before metrics.csv, which the trainer flushed before writing it, so the rows
     * read are at least as new as any checkpoint read) but the logs are sent first: a sweep that
     * loses this worker midway never holds a checkpoint without the rows before it, which the
     * resumed attempt would then lack.
     */
    private void sync() throws IOException {
        if (!Files.isDirectory(run.dir())) {
            return;
        }
        Set<String> seen = new HashSet<>();
        List<Change> logs = new ArrayList<>();
        List<Change> others = new ArrayList<>();
        for (Path p : files(run.dir())) {
            String rel = rel(p);
            seen.add(rel);
            Sent before = sent.get(rel);
            long size;
            FileTime time;
            try {
                size = Files.size(p);
                time = Files.getLastModifiedTime(p);
            } catch (IOException e) {
                continue; // replaced or deleted meanwhile: the next look sees it
            }
            if (before != null && before.size() == size && before.time().equals(time)) {
                continue;
            }
            boolean append = false;
            byte[] bytes;
            try (InputStream s = Files.newInputStream(p)) {
                if (before != null && rel.endsWith(".csv") && size >= before.size() && before.size() > 0) {
                    long start = before.size() - before.tail().length;
                    s.skipNBytes(start);
                    byte[] tail = s.readNBytes(before.tail().length);
                    append = Arrays.equals(tail, before.tail());
                }
                if (append) {
                    bytes = s.readNBytes((int) (size - before.size()));
                } else {
                    try (InputStream whole = Files.newInputStream(p)) {
                        bytes = whole.readNBytes((int) size);
                    }
                }
            } catch (IOException e) {
                continue;
            }
            long offset = append ? before.size() : 0;
            (rel.endsWith(".csv") ? logs : others).add(new Change(rel, append, offset, bytes));
            long total = offset + bytes.length;
            byte[] tail;
            if (bytes.length >= TAIL || !append) {
                tail = Arrays.copyOfRange(bytes, Math.max(0, bytes.length - TAIL), bytes.length);
            } else {
                byte[] joined = new byte[before.tail().length + bytes.length];
                System.arraycopy(before.tail(), 0, joined, 0, before.tail().length);
                System.arraycopy(bytes, 0, joined, before.tail().length, bytes.length);
                tail = Arrays.copyOfRange(joined, Math.max(0, joined.length - TAIL), joined.length);
            }
            // the time read before the bytes: a write meanwhile shows as a change next time
            sent.put(rel, new Sent(total, total == size ? time : FileTime.fromMillis(0), tail));
        }
        for (Change c : logs) {
            c.send(out);
        }
        for (Change c : others) {
            c.send(out);
        }
        for (String rel : List.copyOf(sent.keySet())) {
            if (!seen.contains(rel)) {
                out.writeByte(Wire.DELETE);
                out.writeUTF(rel);
                sent.remove(rel);
            }
        }
        out.flush();
    }

    /** A file's new bytes: appended at an offset, or the whole file. */
    private record Change(String rel, boolean append, long offset, byte[] bytes) {
        void send(DataOutputStream out) throws IOException {
            out.writeByte(Wire.FILE);
            out.writeUTF(rel);
            out.writeBoolean(append);
            out.writeLong(offset);
            Wire.writeBytes(out, bytes);
        }
    }

    private Sent sent(Path p, long size) throws IOException {
        byte[] all = Files.readAllBytes(p);
        return new Sent(size, Files.getLastModifiedTime(p), Arrays.copyOfRange(all, Math.max(0, all.length - TAIL),
                all.length));
    }

    private String rel(Path p) {
        return run.dir().relativize(p).toString().replace('\\', '/');
    }

    /** The run folder's files, temporary files of atomic writes left out. */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                    .toList();
        }
    }
}
