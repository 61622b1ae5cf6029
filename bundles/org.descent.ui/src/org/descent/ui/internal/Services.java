package org.descent.ui.internal;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** OSGi services for workbench parts that are not created by injection (editors, 3.x views). */
final class Services {

    private Services() {
    }

    /**
     * The service registered for a type.
     *
     * @throws IllegalStateException naming the service when none is registered
     */
    static <T> T get(Class<T> type) {
        BundleContext context = FrameworkUtil.getBundle(Services.class).getBundleContext();
        ServiceReference<T> ref = context == null ? null : context.getServiceReference(type);
        T service = ref == null ? null : context.getService(ref);
        if (service == null) {
            throw new IllegalStateException("the OSGi service " + type.getName()
                    + " is not available: is its bundle installed and started?");
        }
        return service;
    }
}
