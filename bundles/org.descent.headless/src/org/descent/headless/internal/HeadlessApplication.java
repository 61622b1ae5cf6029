package org.descent.headless.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.descent.core.ContributionRegistry;
import org.descent.headless.Command;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
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
    /** The file the launcher writes the user's arguments to. */
    static final String ARGS_FILE_PROPERTY = "descent.args.file";

    @Override
    public Object start(IApplicationContext context) throws Exception {
        context.applicationRunning();
        int code;
        try {
            code = run(arguments(context));
        } catch (IOException e) {
            System.err.println("descent: cannot read the command line: " + e.getMessage());
            code = Command.FAILURE;
        } catch (OutOfMemoryError e) {
            // an Error the framework would log and answer with exit code 0
            System.err.println(outOfMemory(Runtime.getRuntime().maxMemory()));
            ILog.of(HeadlessApplication.class).log(Status.error("out of memory", e));
            code = Command.FAILURE;
        } catch (RuntimeException | Error e) {
            ILog.of(HeadlessApplication.class).log(Status.error("internal error", e));
            System.err.println("descent: internal error: " + e + " (details in the log of the configuration area)");
            code = Command.FAILURE;
        }
        System.out.flush();
        System.err.flush();
        System.setProperty(EXIT_CODE_PROPERTY, Integer.toString(code));
        return code;
    }

    /** What to say when the Java heap of {@code maxHeap} bytes ran out. */
    static String outOfMemory(long maxHeap) {
        return "descent: out of memory: the command needed more than the Java heap's " + (maxHeap >> 20)
                + " MiB; give Java more with DESCENT_VM_ARGS=-Xmx<size> (e.g. -Xmx8g), or use a smaller --batch or model."
                + " What a run had written (its last checkpoint and metrics) is kept.";
    }

    /**
     * The user's arguments. The launcher passes them in a file (NUL-separated, named by the
     * system property {@value #ARGS_FILE_PROPERTY}) so that Equinox cannot take arguments such
     * as {@code -clean} or {@code -data} for itself; without it, the application arguments.
     */
    private static List<String> arguments(IApplicationContext context) throws IOException {
        String file = System.getProperty(ARGS_FILE_PROPERTY);
        if (file != null) {
            Path path = Path.of(file);
            byte[] bytes = Files.readAllBytes(path);
            Files.deleteIfExists(path);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return List.of();
            }
            String[] parts = text.split("\0", -1);
            // printf '%s\0' ends every argument with NUL: drop the empty piece after the last one
            return List.of(parts).subList(0, parts[parts.length - 1].isEmpty() ? parts.length - 1 : parts.length);
        }
        Object raw = context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        return raw instanceof String[] a ? Arrays.asList(a) : List.of();
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
