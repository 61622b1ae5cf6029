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
     * Whether the process the run file names may still be training it: on another host it cannot
     * be checked here and is taken at its word; on this host, the pid must be alive, not this
     * process, and (when the file records it) have started when the run's process did. Run files
     * written before the start time was recorded are judged by the pid alone.
     */
    public static boolean mayBeAlive(Run run) {
        String recordedHost = run.getProcessHost();
        if (recordedHost != null && !recordedHost.equals(host())) {
            return true;
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
        // the file keeps milliseconds
        return startOf(handle.get()).map(s -> s.toEpochMilli() == recordedStart.getTime()).orElse(true);
    }

    private static Optional<Instant> startOf(ProcessHandle p) {
        return p.info().startInstant();
    }
}
