package org.descent.experiment.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.Precision;
import org.descent.experiment.ExperimentException;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/**
 * A session's mixed-precision policy, held from set-up to the end of the loop: open it in a
 * try-with-resources block around both, so that a policy taken from the service registry is
 * given back however the session ends, set-up failures included.
 */
public final class PolicyBinding implements AutoCloseable {

    private final @Nullable MixedPrecisionPolicy policy;
    private @Nullable Runnable release;

    private PolicyBinding(@Nullable MixedPrecisionPolicy policy, @Nullable Runnable release) {
        this.policy = policy;
        this.release = release;
    }

    /** No policy (full-precision runs and one-off fp64 evaluations). */
    private static PolicyBinding none() {
        return new PolicyBinding(null, null);
    }

    /**
     * The policy for a precision: none for fp64 and fp32; for a mixed precision, the first given
     * one for it, else the session's own instance of the highest-ranked {@link MixedPrecisionPolicy}
     * OSGi service for it (services are prototype-scoped: the policy holds the run's loss scale).
     *
     * @param anchor a class of the bundle whose context looks the services up
     * @throws ExperimentException when a mixed precision has no policy
     */
    public static PolicyBinding bind(Precision precision, List<MixedPrecisionPolicy> given, Class<?> anchor)
            throws ExperimentException {
        if (!precision.isMixed()) {
            return none();
        }
        for (MixedPrecisionPolicy p : given) {
            if (p.precision() == precision) {
                return new PolicyBinding(p, null);
            }
        }
        PolicyBinding fromService = fromServices(precision, anchor);
        if (fromService == null) {
            throw new ExperimentException("precision " + precision.id() + " needs the simulated mixed-precision"
                    + " policy of bundle org.descent.analysis.precision, which is not installed");
        }
        return fromService;
    }

    private static @Nullable PolicyBinding fromServices(Precision precision, Class<?> anchor) {
        Bundle bundle = FrameworkUtil.getBundle(anchor);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return null;
        }
        List<ServiceReference<MixedPrecisionPolicy>> refs;
        try {
            refs = new ArrayList<>(context.getServiceReferences(MixedPrecisionPolicy.class, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        refs.sort(Collections.reverseOrder());
        for (ServiceReference<MixedPrecisionPolicy> ref : refs) {
            ServiceObjects<MixedPrecisionPolicy> objects = context.getServiceObjects(ref);
            MixedPrecisionPolicy p = objects == null ? null : objects.getService();
            if (p == null) {
                continue;
            }
            if (p.precision() == precision) {
                return new PolicyBinding(p, () -> objects.ungetService(p));
            }
            objects.ungetService(p);
        }
        return null;
    }

    /** The policy, or null when the session computes in its own precision. */
    public @Nullable MixedPrecisionPolicy policy() {
        return policy;
    }

    /** Gives a policy taken from the service registry back (once). */
    @Override
    public void close() {
        Runnable r = release;
        release = null;
        if (r != null) {
            r.run();
        }
    }
}
