package org.descent.nd4j.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import org.descent.nd4j.Nd4jRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** ND4J's native CPU backend working inside OSGi, from threads that are not the test's. */
class Nd4jInOsgiTest {

    private static double[][] random(int rows, int cols, long seed) {
        Random r = new Random(seed);
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < b.length; k++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return c;
    }

    /** gemm of a 97x64 by a 64x33 matrix, compared with the plain triple loop. */
    private static void gemmMatchesPlainJava() {
        double[][] a = random(97, 64, 1);
        double[][] b = random(64, 33, 2);
        double[][] expected = multiply(a, b);
        INDArray x = Nd4j.create(a);
        INDArray y = Nd4j.create(b);
        assertEquals(DataType.DOUBLE, x.dataType());
        INDArray z = Nd4j.gemm(x, y, false, false);
        assertArrayEquals(new long[] { 97, 33 }, z.shape());
        double[][] actual = z.toDoubleMatrix();
        for (int i = 0; i < expected.length; i++) {
            for (int j = 0; j < expected[0].length; j++) {
                assertEquals(expected[i][j], actual[i][j], 1e-12 * (1 + Math.abs(expected[i][j])),
                        "element (" + i + ", " + j + ")");
            }
        }
    }

    @Test
    void multipliesMatricesOnAForkJoinPoolThread() throws Exception {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            String thread = CompletableFuture.supplyAsync(() -> {
                gemmMatchesPlainJava();
                return Thread.currentThread().getName();
            }, pool).get(120, TimeUnit.SECONDS);
            assertTrue(thread.contains("ForkJoinPool"), thread);
            assertNotEquals(Thread.currentThread().getName(), thread);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * ND4J finds its backend once per JVM, on its first call: make that call on a thread
     * without a context class loader, the case that fails unless the bundle's activator hands
     * ND4J its class loader.
     */
    @BeforeAll
    static void firstCallOnAThreadWithoutContextClassLoader() throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                gemmMatchesPlainJava();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "plain-thread");
        t.setContextClassLoader(null);
        t.start();
        t.join(TimeUnit.SECONDS.toMillis(120));
        assertFalse(t.isAlive(), "gemm did not finish within 120 s");
        if (failure[0] != null) {
            throw new AssertionError("gemm failed on a thread without a context class loader", failure[0]);
        }
    }

    @Test
    void multipliesMatricesOnTheCommonPool() throws Exception {
        List<CompletableFuture<Void>> runs = Arrays.asList(CompletableFuture.runAsync(Nd4jInOsgiTest::gemmMatchesPlainJava),
                CompletableFuture.runAsync(Nd4jInOsgiTest::gemmMatchesPlainJava));
        CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }

    @Test
    void describesTheBackend() {
        assertEquals("CpuBackend", Nd4jRuntime.backend());
        assertEquals("OPENBLAS", Nd4jRuntime.blas());
        assertTrue(Nd4jRuntime.blasThreads() >= 1, "BLAS threads: " + Nd4jRuntime.blasThreads());
    }

    @Test
    void everyJarInLibIsOnTheBundleClassPath() {
        Bundle bundle = FrameworkUtil.getBundle(Nd4jRuntime.class);
        String classPath = bundle.getHeaders().get("Bundle-ClassPath");
        List<String> entries = Arrays.stream(classPath.split(",")).map(String::strip).toList();
        var jars = bundle.findEntries("lib", "*.jar", false);
        assertTrue(jars != null && jars.hasMoreElements(), "lib/ has no jars in the bundle");
        int count = 0;
        while (jars.hasMoreElements()) {
            String path = jars.nextElement().getPath().replaceFirst("^/", "");
            assertTrue(entries.contains(path), path + " is not on Bundle-ClassPath: run update-manifest.sh");
            count++;
        }
        assertEquals(entries.size() - 1, count, "Bundle-ClassPath lists jars that are not in lib/");
    }
}
