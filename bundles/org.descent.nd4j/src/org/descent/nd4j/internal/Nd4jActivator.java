package org.descent.nd4j.internal;

import org.nd4j.common.config.ND4JClassLoading;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Makes ND4J find its backend from any thread. ND4J looks its backend up through a class
 * loader it keeps globally; without this, a call on a thread whose context class loader is
 * not this bundle's (a ForkJoin pool thread, say) fails with NoAvailableBackendException.
 */
public final class Nd4jActivator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        ND4JClassLoading.setNd4jClassloaderFromClass(Nd4jActivator.class);
    }

    @Override
    public void stop(BundleContext context) {
        // ND4J's native resources are released with the JVM.
    }
}
