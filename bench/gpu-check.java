import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The test half of bench/gpu-check: starts Equinox with the bundles of BUNDLES (Declarative
 * Services, the extension registry, Descent's core, optimizers, compute API, OpenCL backend and
 * their tests), JUnit's API exported by the system bundle so that the tests' classes and this
 * launcher share it, and runs the OpenCL backend's test classes with the JUnit Platform launcher.
 * Prints each failure and the summary; exits 1 when a test failed or a bundle did not start, 2 when
 * the tests could not run.
 * Usage: java -cp org.eclipse.osgi.jar:junit jars:gpu-check.jar GpuCheck BUNDLES STORAGE
 */
class GpuCheck {

    static final String TESTS = "org.descent.compute.opencl.tests";

    public static void main(String[] args) {
        int status;
        try {
            status = run(Path.of(args[0]), args[1]);
        } catch (Exception | LinkageError e) {
            e.printStackTrace(System.out);
            status = 2;
        }
        System.exit(status);
    }

    static int run(Path bundles, String storage) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage);
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",", "org.junit.jupiter.api;version=5.14.1",
                "org.junit.jupiter.api.function;version=5.14.1", "org.junit.jupiter.api.io;version=5.14.1",
                "org.opentest4j;version=1.3.0"));
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(config);
        framework.start();
        List<Bundle> installed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(bundles)) {
            for (Path jar : jars.sorted().toList()) {
                installed.add(framework.getBundleContext().installBundle(jar.toUri().toString()));
            }
        }
        boolean broken = false;
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start();
            } catch (BundleException e) {
                System.out.println("bundle " + b.getSymbolicName() + " did not start: " + e.getMessage());
                broken = true;
            }
        }
        try {
            return broken | !runTests(installed, bundles) ? 1 : 0;
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** Runs the test classes of the tests bundle; true when all passed. */
    static boolean runTests(List<Bundle> installed, Path bundles) throws ClassNotFoundException {
        Bundle tests = installed.stream().filter(b -> TESTS.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new IllegalStateException(TESTS + " is not among " + bundles));
        List<ClassSelector> selectors = new ArrayList<>();
        for (String name : List.of("OpenClBackendTest", "OpenClConformanceTest")) {
            selectors.add(selectClass(tests.loadClass("org.descent.compute.opencl.tests." + name)));
        }
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        long start = System.nanoTime();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        PrintWriter out = new PrintWriter(System.out, true);
        summary.printFailuresTo(out, 25);
        System.out.printf("OpenCL tests: %d run, %d passed, %d failed, %d skipped, %.1f s%n",
                summary.getTestsStartedCount(), summary.getTestsSucceededCount(), summary.getTotalFailureCount(),
                summary.getTestsSkippedCount(), (System.nanoTime() - start) / 1e9);
        return summary.getTotalFailureCount() == 0 && summary.getTestsStartedCount() > 0;
    }
}
