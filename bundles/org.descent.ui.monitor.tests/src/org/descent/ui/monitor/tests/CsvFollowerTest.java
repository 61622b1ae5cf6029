package org.descent.ui.monitor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.descent.experiment.RunFolder;
import org.descent.ui.charts.GrowingSeries;
import org.descent.ui.monitor.data.CsvFollower;
import org.descent.ui.monitor.data.RunSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following metrics.csv and probes.csv as another process appends to them. */
class CsvFollowerTest {

    private static final String HEADER = "step,epoch,loss,grad_norm,lr,wall_s,train_loss,val_loss,val_accuracy\n";

    @TempDir
    Path tmp;

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void readsOnlyAppendedRowsAndWaitsForTheEndOfALine() throws IOException {
        RunFolder f = RunFolder.create(tmp.resolve("run"));
        CsvFollower follower = new CsvFollower(f, "run");
        assertFalse(follower.poll(), "no metrics.csv yet");
        append(f.metricsFile(), HEADER + "1,0,2.5,0.75,0.001,0.01,,,\n2,0,2.25,0.5,0.001,0.02,,,\n3,0,2.");
        assertTrue(follower.poll());
        GrowingSeries loss = follower.series().findMetric(RunSeries.LOSS);
        assertEquals(2, loss.size(), "the third row is not complete yet");
        assertEquals(2.25, loss.y(1));
        assertEquals(2, loss.x(1));
        assertFalse(follower.poll(), "nothing new");
        append(f.metricsFile(), "125,0.25,0.001,0.03,2.3,2.4,0.5\n");
        assertTrue(follower.poll());
        assertEquals(3, loss.size());
        assertEquals(2.125, loss.y(2));
        GrowingSeries val = follower.series().findMetric("val_accuracy");
        assertEquals(1, val.size(), "evaluation columns only where they have values");
        assertEquals(3, val.x(0));
        assertEquals(0.5, val.y(0));
        assertNull(follower.series().findMetric("wall_s"));
        assertNull(follower.series().findMetric("epoch"));
        assertEquals(List.of(), follower.problems());
    }

    @Test
    void readsProbesByName() throws IOException {
        RunFolder f = RunFolder.create(tmp.resolve("run"));
        append(f.probesFile(), "step,name,value\n10,weight_norm/w,1.5\n10,grad_norm/w,0.25\n20,weight_norm/w,1.75\n");
        CsvFollower follower = new CsvFollower(f, "run");
        assertTrue(follower.poll());
        assertEquals(List.of("weight_norm/w", "grad_norm/w"), follower.series().probeNames());
        GrowingSeries w = follower.series().findProbe("weight_norm/w");
        assertEquals(2, w.size());
        assertEquals(20, w.x(1));
        assertEquals(1.75, w.y(1));
    }

    @Test
    void quotedCellsReadAsTheSharedParserReadsThem() throws IOException {
        RunFolder f = RunFolder.create(tmp.resolve("run"));
        append(f.metricsFile(), "step,epoch,loss,grad_norm,lr,wall_s,\"val_f1, macro\"\n\"1\",0,\"2.5\",1,0.1,0,0.5\n");
        append(f.probesFile(), "step,name,value\n10,\"norm/w,b\",1.5\n");
        CsvFollower follower = new CsvFollower(f, "run");
        assertTrue(follower.poll());
        assertEquals(2.5, follower.series().findMetric(RunSeries.LOSS).y(0));
        assertEquals(0.5, follower.series().findMetric("val_f1, macro").y(0));
        assertEquals(List.of("norm/w,b"), follower.series().probeNames());
        append(f.metricsFile(), "2,0,\"unclosed,1,0.1,0,0.5\n");
        follower.poll();
        assertEquals(1, follower.problems().size(), follower.problems().toString());
        assertTrue(follower.problems().get(0).startsWith(f.metricsFile() + " line 3: a quoted cell is not closed"),
                follower.problems().toString());
    }

    @Test
    void aRewrittenFileIsReadAgainIntoFreshSeries() throws IOException {
        RunFolder f = RunFolder.create(tmp.resolve("run"));
        append(f.metricsFile(), HEADER + "1,0,3,1,0.1,0,,,\n2,0,2,1,0.1,0,,,\n3,0,1,1,0.1,0,,,\n");
        CsvFollower follower = new CsvFollower(f, "run");
        follower.poll();
        RunSeries before = follower.series();
        assertEquals(3, before.steps());
        // a resumed run keeps the rows up to its checkpoint and replaces the file
        Path tmpFile = f.dir().resolve("metrics.csv.tmp");
        Files.writeString(tmpFile, HEADER + "1,0,3,1,0.1,0,,,\n2,0,2,1,0.1,0,,,\n2.5x\n", StandardCharsets.UTF_8);
        Files.move(tmpFile, f.metricsFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertTrue(follower.poll());
        assertNotSame(before, follower.series());
        assertEquals(2, follower.series().steps());
        assertEquals(1, follower.problems().size(), follower.problems().toString());
        assertTrue(follower.problems().get(0).contains("metrics.csv line 4"), follower.problems().get(0));
    }
}
