package org.descent.headless.tests;

import static org.descent.headless.tests.CommandLineTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.descent.headless.tests.CommandLineTest.Result;
import org.descent.testing.Fixture;
import org.junit.jupiter.api.Test;

/** descent analyze: on a real run, on an experiment file, and its messages for bad input. */
class AnalyzeCommandTest extends InRunStore {

    private Path gaussianRun() {
        Path out = dir.resolve("mle");
        Result r = run("train", "--dataset", "bimodal", "--model", "gaussian:mu=1,sigma=1", "--loss", "gaussian-nll",
                "--optimizer", "gd:lr=0.05", "--steps", "3000", "--grad-tol", "1e-10", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        return out;
    }

    /** 002's MLE run: at the end the NLL's Hessian in (mu, sigma) is diag(1/s^2, 2/s^2), s the sample's standard deviation. */
    @Test
    void hessianOfTheGaussianMleRun() throws Exception {
        Path run = gaussianRun();
        Result r = run("analyze", "hessian", "--run", run.toString(), "--k", "2", "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> json = assertInstanceOf(Map.class, Fixture.parse(r.out()).root());
        assertEquals("hessian", json.get("analysis"));
        assertTrue(((String) json.get("subject")).startsWith("gaussian on bimodal, run mle, step "), (String) json.get("subject"));
        double[] x = org.descent.testing.Contributions.create("datasets", "bimodal", Map.of(), org.descent.core.Dataset.class)
                .load(new org.eclipse.core.runtime.NullProgressMonitor()).inputs();
        double mean = java.util.Arrays.stream(x).average().orElseThrow();
        double s = Math.sqrt(java.util.Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / x.length);
        List<?> top = (List<?>) json.get("top");
        assertEquals(2 / (s * s), ((Number) top.get(0)).doubleValue(), 1e-4);
        assertEquals(1 / (s * s), ((Number) top.get(1)).doubleValue(), 1e-4);
        assertEquals("minimum (positive definite)", json.get("point"));
        assertEquals(true, json.get("critical"));
        assertEquals(List.of(), json.get("warnings"));
        Path saved = Path.of((String) json.get("saved"));
        assertTrue(saved.startsWith(run.resolve("analyses")), saved.toString());
        assertTrue(saved.getFileName().toString().startsWith("hessian-"), saved.toString());
        for (String f : List.of("result.json", "report.txt", "eigenvalues.csv", "eigenvectors.csv", "spectrum.csv")) {
            assertTrue(Files.isRegularFile(saved.resolve(f)), f);
        }
        assertEquals("rank,eigenvalue,residual", Files.readAllLines(saved.resolve("eigenvalues.csv")).get(0));
        Map<?, ?> stored = assertInstanceOf(Map.class, Fixture.parse(Files.readString(saved.resolve("result.json"))).root());
        assertEquals(json.get("top"), stored.get("top"));
        assertTrue(r.err().contains("descent analyze: saved in " + saved), r.err());

        Result text = run("analyze", "hessian-density", "--run", run.toString(), "--probes", "2", "--steps", "2");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("Hessian spectral density of gaussian on bimodal, run mle, step "), text.out());
        assertTrue(text.out().contains("of the mass below zero"), text.out());
    }

    @Test
    void anExperimentFileIsAnalysedAtItsInitialParameters() throws Exception {
        Path run = gaussianRun();
        Path out = dir.resolve("initial");
        Result r = run("analyze", "hessian", "--experiment", run.resolve("run.descent").toString(), "--out", out.toString(),
                "--json");
        assertEquals(0, r.code(), r.err());
        Map<?, ?> json = assertInstanceOf(Map.class, Fixture.parse(r.out()).root());
        assertTrue(((String) json.get("subject")).endsWith("initial parameters (seed 0)"), (String) json.get("subject"));
        // at mu = 1, sigma = 1 the NLL curves upwards both ways, but the gradient is not zero
        assertEquals("minimum (positive definite)", json.get("point"));
        assertEquals(false, json.get("critical"));
        assertTrue(r.err().contains("saved in " + out), r.err());
        assertTrue(Files.isRegularFile(out.resolve("result.json")));
    }

    @Test
    void badInputIsNamedWithExitCode2() throws Exception {
        Result none = run("analyze");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("needs the id of an analysis; installed: "), none.err());
        assertTrue(none.err().contains("hessian"), none.err());
        Result unknown = run("analyze", "hessain", "--run", dir.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("no analysis 'hessain' is installed"), unknown.err());
        Path run = gaussianRun();
        Result option = run("analyze", "hessian", "--run", run.toString(), "--kk", "3");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("unknown option '--kk' for analysis 'hessian' (its options: --method, --k,"),
                option.err());
        Result range = run("analyze", "hessian", "--run", run.toString(), "--k", "-1");
        assertEquals(2, range.code());
        assertTrue(range.err().contains("analysis 'hessian': hyperparameter 'k': '-1' is not valid"), range.err());
        Result tooMany = run("analyze", "hessian", "--run", run.toString(), "--k", "3");
        assertEquals(2, tooMany.code());
        assertTrue(tooMany.err().contains("'--k': 3 eigenpairs asked, but the model has only 2 trainable parameters"),
                tooMany.err());
        Result notRun = run("analyze", "hessian", "--run", dir.toString());
        assertEquals(2, notRun.code());
        assertTrue(notRun.err().contains("is not a run folder (no run.descent)"), notRun.err());
        Result step = run("analyze", "hessian", "--run", run.toString(), "--step", "7");
        assertEquals(2, step.code());
        assertTrue(step.err().contains("option '--step': run mle has no checkpoint at step 7; it has [0, "), step.err());
        Result model = run("analyze", "hessian");
        assertEquals(2, model.code());
        assertTrue(model.err().contains("analysis 'hessian' needs a model: give --run DIR or --experiment FILE"),
                model.err());
        Result both = run("analyze", "hessian", "--run", run.toString(), "--experiment", run.resolve("run.descent").toString());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give --run DIR or --experiment FILE, not both"), both.err());
        Files.writeString(dir.resolve("a.csv"), "1\n");
        Result files = run("analyze", "hessian", "--run", run.toString(), "--a", dir.resolve("a.csv").toString());
        assertEquals(2, files.code());
        assertTrue(files.err().contains("analysis 'hessian' takes no sample files (--a)"), files.err());
        Result help = run("help", "analyze");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Installed analyses (id: name; hyperparameters: type, range, default, doc):"), help.out());
        assertTrue(help.out().contains("  hessian: Hessian eigenvalues and curvature"), help.out());
    }

    /**
     * Sinkhorn on the device of --device: the cpu device and the first OpenCL device (PoCL here)
     * give the host path's cost within 1e-10 (both fp64), and the result names the device.
     */
    @Test
    void sinkhornComputesOnTheDeviceOfTheOption() throws Exception {
        StringBuilder a = new StringBuilder("x,y\n");
        StringBuilder b = new StringBuilder("x,y\n");
        for (int i = 0; i < 30; i++) {
            a.append(Math.cos(i)).append(',').append(Math.sin(2 * i)).append('\n');
            b.append(0.3 + Math.sin(i)).append(',').append(Math.cos(3 * i)).append('\n');
        }
        Path fa = Files.writeString(dir.resolve("a.csv"), a);
        Path fb = Files.writeString(dir.resolve("b.csv"), b);
        Double cost = null;
        for (String device : List.of("cpu", "opencl:0")) {
            Result r = run("analyze", "wasserstein", "--a", fa.toString(), "--b", fb.toString(), "--method", "sinkhorn",
                    "--eps", "0.1", "--tol", "1e-12", "--device", device, "--json", "--out", dir.resolve(device.replace(':', '-')).toString());
            assertEquals(0, r.code(), r.err());
            Map<?, ?> values = assertInstanceOf(Map.class, Fixture.parse(r.out()).root());
            assertEquals(device, values.get("device"));
            assertEquals("fp64", values.get("precision"));
            assertEquals(Boolean.TRUE, values.get("converged"));
            double c = ((Number) values.get("cost")).doubleValue();
            if (cost == null) {
                cost = c;
            } else {
                assertEquals(cost, c, 1e-10 * cost, device + " against cpu");
            }
        }
    }
}
