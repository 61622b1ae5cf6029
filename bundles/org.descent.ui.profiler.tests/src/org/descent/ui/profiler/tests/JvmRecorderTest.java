package org.descent.ui.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.descent.ui.profiler.jvm.JvmActivity;
import org.descent.ui.profiler.jvm.JvmActivity.ThreadActivity;
import org.descent.ui.profiler.jvm.JvmRecorder;
import org.junit.jupiter.api.Test;

/** The JVM recorder on this JVM with real Flight Recorder events. */
class JvmRecorderTest {

    /**
     * Enough samples, a second of complete events, the contenders blocked and allocating, the parker
     * parked, CPU readings (Flight Recorder sends them once a second, about a second late).
     */
    private static boolean enough(JvmActivity a) {
        boolean contended = Stream.of("recorder-test-contender-1", "recorder-test-contender-2")
                .allMatch(name -> a.thread(name).filter(t -> t.blockedCount() > 0 && t.blocked() > 0.05
                        && t.runnable() > 0.05 && t.allocatedMB() > 1).isPresent());
        return a.samples() >= 10 && a.completeSeconds() > 1 && contended
                && a.thread("recorder-test-parker").filter(t -> t.parkCount() == 1).isPresent()
                && a.allocationRate() > 1 && a.allocation().stream().anyMatch(p -> p.value() > 1)
                && a.cpu().stream().anyMatch(p -> p.jvm() > 0);
    }

    private static void awaitState(JvmRecorder recorder, long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + timeoutMillis * 1_000_000L;
        JvmActivity a = recorder.snapshot();
        while (!enough(a)) {
            if (System.nanoTime() - end > 0) {
                throw new AssertionError("the recorder did not see the contention within " + timeoutMillis + " ms: "
                        + a.summary() + " " + a.threads());
            }
            Thread.sleep(JvmRecorder.SAMPLE_PERIOD.toMillis());
            a = recorder.snapshot();
        }
    }

    @Test
    void contendedThreadsShowAsBlockedOnTheirMonitorWithAllocationAndParkSites() throws Exception {
        try (JvmRecorder recorder = new JvmRecorder()) {
            recorder.start();
            assertTrue(recorder.running());
            assertThrows(IllegalStateException.class, recorder::start);
            SynchronousQueue<Object> queue = new SynchronousQueue<>();
            Thread parker = new Thread(() -> {
                try {
                    queue.poll(300, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "recorder-test-parker");
            parker.start();
            Contention contention = new Contention().start("recorder-test-contender", 2);
            try {
                // contend until the recorder has seen what the test checks, however long that takes here
                awaitState(recorder, 120_000);
            } finally {
                contention.stop();
            }
            parker.join();
            recorder.stop();
            assertFalse(recorder.running());

            JvmActivity a = recorder.snapshot();
            assertTrue(a.samples() >= 10, "state samples: " + a.samples());
            for (String name : new String[] { "recorder-test-contender-1", "recorder-test-contender-2" }) {
                ThreadActivity t = a.thread(name).orElseThrow(() -> new AssertionError("no row for " + name));
                assertTrue(t.blockedCount() > 0, name + " never waited to enter: " + t);
                assertEquals(Contention.SharedCounter.class.getName(), t.monitors().get(0).name(), t.toString());
                assertTrue(t.blocked() > 0.05 && t.runnable() > 0.05, "state fractions: " + t);
                assertTrue(t.allocatedMB() > 1, "allocation: " + t);
                assertTrue(t.topWait().startsWith("monitor " + Contention.SharedCounter.class.getName()),
                        t.topWait());
            }
            ThreadActivity parked = a.thread("recorder-test-parker").orElseThrow();
            assertEquals(1, parked.parkCount(), parked.toString());
            assertTrue(parked.parkedSeconds() > 0.25, parked.toString());
            String site = parked.parkSites().get(0).name();
            assertTrue(site.startsWith("SynchronousQueue$Transferer in " + JvmRecorderTest.class.getName() + ".lambda"),
                    site);
            assertTrue(a.allocationRate() > 1, "allocation rate " + a.allocationRate() + " MB/s");
            assertTrue(a.allocation().stream().anyMatch(p -> p.value() > 1), a.allocation().toString());
            assertFalse(a.cpu().isEmpty(), "no CPU readings");
            assertTrue(a.cpu().stream().anyMatch(p -> p.jvm() > 0), a.cpu().toString());
            assertTrue(a.completeSeconds() <= a.seconds() && a.completeSeconds() > 1, a.summary());

            String csv = a.threadsCsv();
            assertTrue(csv.startsWith("thread_id,thread,state,samples,runnable,blocked,"), csv);
            assertTrue(csv.lines().anyMatch(l -> l.contains(",recorder-test-contender-1,")
                    && l.endsWith(Contention.SharedCounter.class.getName() + ",,")), csv);
        }
    }
}
