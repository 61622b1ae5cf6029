package org.descent.sweep.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.descent.experiment.Components;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.sweep.SearchSpace;
import org.descent.testing.Contributions;
import org.junit.jupiter.api.Test;

/** The search space: parsing, its messages, the check against the declarations, the draws and the grid. */
class SearchSpaceTest {

    static Experiment gaussian() {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName("gaussian MLE");
        e.setDataset(Components.of("bimodal"));
        e.setModel(Components.of("gaussian:mu=1,sigma=1"));
        e.setLoss(Components.of("gaussian-nll"));
        e.setOptimizer(Components.of("gd:lr=0.05"));
        return e;
    }

    private static String parseError(String... params) {
        return assertThrows(IllegalArgumentException.class, () -> SearchSpace.parse(List.of(params))).getMessage();
    }

    private static List<String> problems(String... params) {
        return SearchSpace.parse(List.of(params)).problems(gaussian(), Contributions.registry());
    }

    @Test
    void malformedSpacesAreNamed() {
        assertEquals("--param 'optimizer.lr' is not NAME=distribution, e.g. optimizer.lr=loguniform(1e-4,1e-1)",
                parseError("optimizer.lr"));
        assertEquals("--param 'optimizer.lr': 'normal' is not a distribution, expected loguniform(a,b), uniform(a,b),"
                + " choice(x,y,...) or grid(x,y,...)", parseError("optimizer.lr=normal(0,1)"));
        assertEquals("--param 'optimizer.lr': 'loguniform(0,1)': loguniform needs bounds > 0, not 0",
                parseError("optimizer.lr=loguniform(0,1)"));
        assertEquals("--param 'optimizer.lr': 'uniform(1,0.5)': the lower bound 1 must be below the upper bound 0.5",
                parseError("optimizer.lr=uniform(1,0.5)"));
        assertEquals("--param 'optimizer.lr': 'uniform(1)': uniform takes two bounds (a,b), not 1 value(s)",
                parseError("optimizer.lr=uniform(1)"));
        assertEquals("--param 'batch': 'grid(32,32)' lists a value twice", parseError("batch=grid(32,32)"));
        assertEquals("--param 'batch' is given twice", parseError("batch=grid(32)", "batch=grid(64)"));
        assertEquals("--param 'optimizer.lr': 'uniform(a,1)': 'a' is not a finite number",
                parseError("optimizer.lr=uniform(a,1)"));
    }

    @Test
    void spacesAreCheckedAgainstTheDeclarations() {
        assertEquals(List.of(), problems("optimizer.lr=loguniform(1e-4,1e-1)", "batch=grid(16,32,full)",
                "optimizer=choice(gd,adam)", "model.sigma=uniform(0.5,2)", "seed=grid(0,1)"));
        List<String> unknown = problems("optim.lr=uniform(0.1,1)");
        assertTrue(unknown.get(0).startsWith("--param 'optim.lr': 'optim' is not a component (dataset, model, loss,"
                + " optimizer, schedule, regularizer, probe) or a training setting (batch, epochs"), unknown.toString());
        List<String> undeclared = problems("optimizer.momentum=uniform(0.1,0.9)");
        assertEquals(List.of("--param 'optimizer.momentum': optimizer 'gd' declares no hyperparameter 'momentum'"
                + " (it has lr, weight_decay)"), undeclared);
        assertEquals(List.of("--param 'optimizer.lr': '-1' is not valid, expected a value in (0,inf)"),
                problems("optimizer.lr=grid(0.1,-1)"));
        assertEquals(List.of("--param 'optimizer.lr': '0.0' is not valid, expected a value in (0,inf)"),
                problems("optimizer.lr=uniform(0,1)"));
        assertTrue(problems("optimizer=choice(gd,rmsprop-typo)").get(0).startsWith(
                "--param 'optimizer': 'rmsprop-typo' is not an optimizer (known: "), problems("optimizer=choice(gd,x)")
                        .toString());
        assertEquals(List.of("--param 'optimizer': an optimizer is chosen by id: use choice(ID,...) or grid(ID,...),"
                + " not uniform(0.1,1.0)"), problems("optimizer=uniform(0.1,1)"));
        assertEquals(List.of("--param 'schedule.t_max': the experiment has no schedule (give --schedule)"),
                problems("schedule.t_max=grid(10,20)"));
        assertEquals(List.of("--param 'precision': 'fp8' is not valid, expected one of fp64, fp32, mixed-fp16,"
                + " mixed-bf16"), problems("precision=grid(fp64,fp8)"));
        assertTrue(problems("precision=uniform(1,2)").get(0).startsWith("--param 'precision': uniform(1.0,2.0) draws"
                + " numbers, but 'precision' is a choice"), problems("precision=uniform(1,2)").toString());
        // a hyperparameter swept with the component: every chosen one must declare it
        assertTrue(problems("optimizer=choice(gd,adam)", "optimizer.beta1=uniform(0.8,0.95)").get(0).startsWith(
                "--param 'optimizer.beta1': optimizer 'gd' declares no hyperparameter 'beta1'"));
    }

    @Test
    void gridIsTheCartesianProductFirstParameterSlowest() {
        SearchSpace s = SearchSpace.parse(List.of("batch=grid(16,32)", "optimizer.lr=grid(0.1,0.01,0.001)"))
                .withSeeds(SearchSpace.seeds("0..1"));
        List<SearchSpace.Trial> trials = s.trials(1, 0, gaussian(), Contributions.registry());
        assertEquals(2 * 3 * 2, trials.size());
        assertEquals(Map.of("batch", "16", "optimizer.lr", "0.1", "seed", "0"), trials.get(0).values());
        assertEquals(Map.of("batch", "16", "optimizer.lr", "0.1", "seed", "1"), trials.get(1).values());
        assertEquals(Map.of("batch", "16", "optimizer.lr", "0.01", "seed", "0"), trials.get(2).values());
        assertEquals(Map.of("batch", "32", "optimizer.lr", "0.001", "seed", "1"), trials.get(11).values());
        assertEquals(12, trials.stream().map(SearchSpace.Trial::values).distinct().count());
        assertEquals(List.of("0", "1", "2", "3", "4"), SearchSpace.seeds("0..4"));
        assertEquals(List.of("3", "7"), SearchSpace.seeds("3,7"));
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.seeds("4..0"));
        assertEquals("--seeds and --param seed=... both sweep the seed: give one", assertThrows(
                IllegalArgumentException.class, () -> SearchSpace.parse(List.of("seed=grid(1,2)")).withSeeds(List.of("0")))
                        .getMessage());
    }

    @Test
    void seededDrawsAreReproducibleAndInsideTheirBounds() {
        SearchSpace s = SearchSpace.parse(List.of("optimizer.lr=loguniform(1e-4,1e-1)", "optimizer=choice(gd,adam)",
                "batch=grid(16,32)", "epochs=uniform(2,6)"));
        List<SearchSpace.Trial> a = s.trials(20, 7, gaussian(), Contributions.registry());
        List<SearchSpace.Trial> b = s.trials(20, 7, gaussian(), Contributions.registry());
        assertEquals(a, b, "the same space and seed draw the same trials");
        assertEquals(40, a.size(), "20 draws for each of the 2 batch sizes");
        assertNotEquals(a, s.trials(20, 8, gaussian(), Contributions.registry()), "another seed, other trials");
        double logLowSeen = 0;
        double logHighSeen = -10;
        for (SearchSpace.Trial t : a) {
            double lr = Double.parseDouble(t.values().get("optimizer.lr"));
            assertTrue(lr >= 1e-4 && lr <= 1e-1, t.toString());
            logLowSeen = Math.min(logLowSeen, Math.log10(lr));
            logHighSeen = Math.max(logHighSeen, Math.log10(lr));
            assertTrue(List.of("gd", "adam").contains(t.values().get("optimizer")), t.toString());
            long epochs = Long.parseLong(t.values().get("epochs"));
            assertTrue(epochs >= 2 && epochs <= 6, "an integer setting drawn from a range is rounded: " + t);
        }
        // 40 log-uniform draws over three decades: the extremes lie in the outer decades (chance of failing ~ 2 * (2/3)^40)
        assertTrue(logLowSeen < -3 && logHighSeen > -2, logLowSeen + " " + logHighSeen);
        Experiment e = SearchSpace.apply(gaussian(), a.get(0).values(), Contributions.registry());
        assertEquals(a.get(0).values().get("optimizer"), e.getOptimizer().getId());
        assertEquals(a.get(0).values().get("optimizer.lr"), e.getOptimizer().getSettings().stream()
                .filter(x -> x.getName().equals("lr")).findFirst().orElseThrow().getValue());
        assertEquals(Long.parseLong(a.get(0).values().get("epochs")), e.getEpochs());
    }
}
