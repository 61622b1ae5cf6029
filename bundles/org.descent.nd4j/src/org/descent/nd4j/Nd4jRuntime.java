package org.descent.nd4j;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Facts about the ND4J backend in this bundle, for provenance and the About dialog. Calling
 * any method loads the native backend (a second or two the first time).
 *
 * @since 0.1.0
 */
public final class Nd4jRuntime {

    private Nd4jRuntime() {
    }

    /** The backend's name, e.g. {@code CpuBackend}. */
    public static String backend() {
        return Nd4j.getBackend().getClass().getSimpleName();
    }

    /** The BLAS library ND4J calls, e.g. {@code OPENBLAS}. */
    public static String blas() {
        return String.valueOf(Nd4j.factory().blas().getBlasVendor());
    }

    /** The number of threads BLAS uses. */
    public static int blasThreads() {
        return Nd4j.factory().blas().getMaxThreads();
    }
}
