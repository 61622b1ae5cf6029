package org.descent.experiment.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.descent.experiment.model.Run;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The process that trains a run, as its run file records it: pid, start time and host. A pid
 * alone is not enough: the system hands it to a new process once the old one is gone.
 */
public final class RunProcess {

    private static volatile @Nullable String host;
    /** How far a process' start time may differ between two readings of it, in milliseconds. */
    private static final long START_TOLERANCE_MS = 1000;
    /** How long a run of another host may go unwritten before it is taken as ended, in milliseconds. */
    private static final long QUIET_MS = 5 * 60 * 1000;

    private RunProcess() {
    }

    /** This machine's name, as run files record it ("unknown" when it has none). */
    public static String host() {
        String h = host;
        if (h == null) {
            try {
                h = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                h = "unknown";
            }
            host = h;
        }
        return h;
    }

    /** Records this process as the one training the run. */
    public static void stamp(Run run) {
        ProcessHandle self = ProcessHandle.current();
        run.setPid(self.pid());
        run.setProcessStart(startOf(self).map(Date::from).orElse(null));
        run.setProcessHost(host());
    }

    /**
     * Whether the process the run file names may still be training it. On another host it cannot
     * be checked here: it is taken at its word while the run's files keep changing. On this host
     * the pid must be alive, not this process, and (when the file records it) have started when
     * the run's process did. Run files written before the start time was recorded are judged by
     * the pid alone.
     */
    public static boolean mayBeAlive(Run run) {
        String recordedHost = run.getProcessHost();
        if (recordedHost != null && !recordedHost.equals(host())) {
            return recentlyWritten(run);
        }
        long pid = run.getPid();
        if (pid <= 0 || pid == ProcessHandle.current().pid()) {
            return false;
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return false;
        }
        Date recordedStart = run.getProcessStart();
        if (recordedStart == null) {
            return true;
        }
        // the file keeps milliseconds; the system knows a start to its clock ticks (10 ms), and two
        // JVMs may compute it from boot times read a moment apart
        return startOf(handle.get()).map(s -> Math.abs(s.toEpochMilli() - recordedStart.getTime()) < START_TOLERANCE_MS)
                .orElse(true);
    }

    /**
     * Whether a run of another host is still being written: a training process appends its
     * metrics every second or so, so a run whose files have not changed for {@link #QUIET_MS} is
     * taken as ended there (a host whose name changed at a restart, a run store on a shared disk).
     */
    private static boolean recentlyWritten(Run run) {
        org.eclipse.emf.ecore.resource.Resource resource = run.eResource();
        if (resource == null || !resource.getURI().isFile()) {
            return true;
        }
        java.nio.file.Path runFile = java.nio.file.Path.of(resource.getURI().toFileString());
        long now = System.currentTimeMillis();
        for (java.nio.file.Path f : new java.nio.file.Path[] { runFile,
                runFile.resolveSibling(org.descent.experiment.RunFolder.METRICS_FILE) }) {
            try {
                if (now - java.nio.file.Files.getLastModifiedTime(f).toMillis() < QUIET_MS) {
                    return true;
                }
            } catch (IOException e) {
                // missing: says nothing of the other host's process
            }
        }
        return false;
    }

    private static Optional<Instant> startOf(ProcessHandle p) {
        return p.info().startInstant();
    }
}
