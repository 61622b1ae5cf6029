package org.descent.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.experiment.RunAnalysis;
import org.descent.sweep.SearchSpace;
import org.descent.sweep.Study;
import org.descent.sweep.SweepFolder;
import org.junit.jupiter.api.Test;

/** A study's analyses (--analyze ID[:k=v,...]) and the rule that makes an analysis' result columns. */
class StudyColumnsTest {

    private static Study study(String... analyses) {
        return new Study(SearchSpace.parse(List.of("optimizer.lr=grid(0.1,0.2)")), 1, 0, "train_loss", true, null, 1,
                List.of(analyses));
    }

    @Test
    void analysesAreParsedOnceEach() {
        assertEquals(List.of("hessian:k=2,method=exact", "hessian-density"),
                study(" hessian : k = 2 , method=exact ", "hessian-density").analyses());
        assertEquals(List.of(), new Study(SearchSpace.parse(List.of("optimizer.lr=grid(0.1,0.2)")), 1, 0, "train_loss",
                true, null, 1).analyses());
        assertEquals("--analyze 'hessian' is given twice: each analysis once (its figures are the columns hessian.*)",
                assertThrows(IllegalArgumentException.class, () -> study("hessian", "hessian:k=1")).getMessage());
        assertEquals("--analyze ':k=1' names no analysis: give ID or ID:k=v,...",
                assertThrows(IllegalArgumentException.class, () -> study(":k=1")).getMessage());
        assertEquals("--analyze 'hessian:k=1,k=2': option 'k' is given twice",
                assertThrows(IllegalArgumentException.class, () -> study("hessian:k=1,k=2")).getMessage());
        assertEquals("'hessian:k=1,': '' is not an option: give ID:k=v,k=v",
                assertThrows(IllegalArgumentException.class, () -> RunAnalysis.Spec.parse("hessian:k=1,")).getMessage());
    }

    @Test
    void numbersAndFirstElementsOfListsAreColumns() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("analysis", "hessian");
        result.put("parameters", 2.0);
        result.put("method", "exact");
        result.put("top", List.of(3.0, 1.0));
        result.put("bottom", List.of(1.0, 3.0));
        result.put("names", List.of("a", "b"));
        result.put("empty", List.of());
        result.put("critical", true);
        result.put("condition_number", null);
        result.put("step_test", Map.of("epsilon", 0.1));
        result.put("warnings", List.of());
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("hessian.parameters", 2.0);
        expected.put("hessian.top1", 3.0);
        expected.put("hessian.bottom1", 1.0);
        expected.put("lr*hessian.top1", 0.75);
        assertEquals(expected, SweepFolder.figures("hessian", result, Map.of("optimizer.lr", "0.25", "seed", "1")));
        expected.remove("lr*hessian.top1");
        // no swept learning rate (or one that is no number): no product
        assertEquals(expected, SweepFolder.figures("hessian", result, Map.of("seed", "1")));
        assertEquals(expected, SweepFolder.figures("hessian", result, Map.of("optimizer.lr", "fast")));
        assertEquals(Map.of("density.trace", 4.0), SweepFolder.figures("density", Map.of("trace", 4), Map.of(
                "optimizer.lr", "0.1")));
    }
}
