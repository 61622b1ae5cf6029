package org.descent.experiment.tests;

import static org.descent.experiment.tests.Experiments.assertResumesBitIdentically;
import static org.descent.experiment.tests.Experiments.component;
import static org.descent.experiment.tests.Experiments.experiment;
import static org.descent.experiment.tests.Experiments.train;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.descent.core.RunStatus;
import org.descent.experiment.TrainingResult;
import org.descent.experiment.model.Experiment;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GRU encoder–decoder trained by the engine on the reverse task: the target (unseen
 * 5-digit sequences reversed with at least 90% exact match) with the README's command line, and a
 * run whose decoder reads its own predictions half the time (coins from the step's seed) resumed
 * bit-identically.
 */
class Seq2SeqTrainingTest {

    @TempDir
    Path dir;

    /**
     * {@code descent train --dataset sequences:task=reverse,length=5 --model seq2seq:hidden=32,embedding=8
     * --loss cross-entropy --optimizer adam:lr=0.01 --schedule cosine:t_max=846 --batch 32 --epochs 3
     * --validation 0.1}: 9000 training rows make 282 steps an epoch, so the cosine reaches 0 at the
     * end of the third epoch.
     */
    static Experiment reverse() {
        Experiment e = experiment("sequences:task=reverse,length=5", "seq2seq:hidden=32,embedding=8", "cross-entropy",
                "adam:lr=0.01", 0);
        e.setSchedule(component("cosine:t_max=846"));
        e.setBatchSize(32);
        e.setEpochs(3);
        e.setValidationFraction(0.1);
        e.setSeed(0);
        return e;
    }

    @Test
    void reversesUnseenFiveDigitSequences() throws Exception {
        TrainingResult r = train(reverse(), dir.resolve("reverse"), new NullProgressMonitor());
        assertEquals(RunStatus.DONE, r.status(), r.message());
        assertEquals(846, r.steps());
        double accuracy = r.metrics().get("val_accuracy");
        System.out.printf("seq2seq reverse, length 5: validation exact match %.4f, loss %.4f, %.1f s%n", accuracy,
                r.metrics().get("val_loss"), r.wallSeconds());
        assertTrue(accuracy >= 0.9, "exact match on unseen sequences " + r.metrics());
    }

    static Experiment halfTeacherForced() {
        Experiment e = experiment("sequences:task=reverse,length=5,n=2000", "seq2seq:hidden=16,embedding=4,teacher_forcing=0.5",
                "cross-entropy", "adam:lr=0.01", 0);
        e.setBatchSize(32);
        e.setEpochs(2);
        e.setValidationFraction(0.1);
        e.setCheckpointEvery(10);
        return e;
    }

    @Test
    void ownPredictionsFedBackResumeBitIdentically() throws Exception {
        TrainingResult whole = assertResumesBitIdentically(Seq2SeqTrainingTest::halfTeacherForced, dir, 45).whole();
        assertTrue(whole.metrics().get("val_loss") < 5 * Math.log(10) * 0.8,
                "below the 5·ln 10 of uniform guesses: " + whole.metrics());
    }
}
