package org.descent.headless.internal;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.descent.core.ContributionRegistry;
import org.descent.headless.Command;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The Eclipse application behind {@code descent <command>}: no display, no UI bundle. Its
 * result is the process exit code.
 */
public final class HeadlessApplication implements IApplication {

    /** Read by the Equinox launcher after the framework shuts down. */
    private static final String EXIT_CODE_PROPERTY = "eclipse.exitcode";

    @Override
    public Object start(IApplicationContext context) throws Exception {
        context.applicationRunning();
        Object raw = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<String> args = raw instanceof String[] a ? Arrays.asList(a) : List.of();
        int code = run(args);
        System.out.flush();
        System.err.flush();
        System.setProperty(EXIT_CODE_PROPERTY, Integer.toString(code));
        return code;
    }

    private static int run(List<String> args) throws InterruptedException {
        BundleContext bundleContext = FrameworkUtil.getBundle(HeadlessApplication.class).getBundleContext();
        ServiceTracker<ContributionRegistry, ContributionRegistry> tracker = new ServiceTracker<>(bundleContext,
                ContributionRegistry.class, null);
        tracker.open();
        try {
            ContributionRegistry registry = tracker.waitForService(TimeUnit.SECONDS.toMillis(30));
            if (registry == null) {
                System.err.println("descent: the contribution registry did not start (is org.apache.felix.scr installed and started?)");
                return Command.FAILURE;
            }
            return new CommandLine(registry, System.out, System.err).execute(args);
        } finally {
            tracker.close();
        }
    }

    @Override
    public void stop() {
        // Commands run to completion or are interrupted with the JVM.
    }
}
