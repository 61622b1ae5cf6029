package org.descent.sweep.spark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.descent.core.MixedPrecisionPolicy;
import org.descent.sweep.SearchSpace;
import org.descent.sweep.TrialExecutor;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Runs a sweep's trials as the tasks of an Apache Spark job: starts the driver
 * ({@code DescentSparkDriver}) in a JVM of its own on a JDK 17 or 21 with Spark's jars
 * ({@link SparkSetup}), which ships this process' headless product ({@link ProductArchive}) to the
 * executors; each task runs {@code descent sweep-trial}, which fetches its trial from this
 * process' {@link Receiver} and streams its run folder back. A task whose executor dies is run
 * again by Spark and resumes from the trial's last checkpoint. The driver's output is kept in the
 * sweep folder's {@code spark-driver.log}.
 */
public final class SparkTrials implements TrialExecutor {

    /** How many times Spark runs a task before the job fails (spark.task.maxFailures). */
    static final int MAX_FAILURES = 4;
    /** The environment variable that hands the driver the receiver's token. */
    public static final String TOKEN = "DESCENT_SWEEP_TOKEN";
    /** The executors' JVM options (spark.executor.extraJavaOptions, unless --spark-conf gives them). */
    static final String EXECUTOR_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private final String master;
    private final @Nullable String host;
    private final int port;
    private final Map<String, String> conf;
    private final MixedPrecisionPolicy.LossScaling lossScaling;
    private final Consumer<String> log;

    /**
     * @param master the Spark master URL: {@code local[K]}, {@code spark://HOST:PORT}, {@code yarn},
     *            {@code k8s://https://HOST:PORT}
     * @param host the address the executors reach this machine at (the driver's and the
     *            receiver's), or {@code null}: 127.0.0.1 for a local master, else this machine's address
     * @param port the receiver's port (0: any free one)
     * @param conf more Spark settings ({@code spark.*}), e.g. {@code spark.executor.memory}
     */
    public SparkTrials(String master, @Nullable String host, int port, Map<String, String> conf,
            MixedPrecisionPolicy.LossScaling lossScaling, Consumer<String> log) {
        this.master = master;
        this.host = host;
        this.port = port;
        this.conf = new LinkedHashMap<>(conf);
        this.lossScaling = lossScaling;
        this.log = log;
    }

    @Override
    public void execute(List<SearchSpace.Trial> todo, Trials trials, IProgressMonitor monitor) throws IOException {
        if (todo.isEmpty()) {
            return;
        }
        SparkSetup setup = SparkSetup.resolve(log);
        log.accept("spark: Spark's jars in " + setup.sparkHome().resolve("jars") + ", the driver on "
                + setup.jdk());
        Path archive = ProductArchive.make(SparkSetup.cache());
        String address = host != null ? host : master.startsWith("local") ? "127.0.0.1"
                : InetAddress.getLocalHost().getHostAddress();
        TreeSet<Integer> indices = todo.stream().map(SearchSpace.Trial::index).collect(Collectors.toCollection(TreeSet::new));
        Path folder = trials.folder().dir();
        try (Receiver receiver = new Receiver(port, trials, indices, lossScaling, log)) {
            Properties p = new Properties();
            p.setProperty("master", master);
            p.setProperty("app", "descent sweep " + folder.getFileName());
            p.setProperty("trials", indices.stream().map(String::valueOf).collect(Collectors.joining(",")));
            p.setProperty("product", archive.toString());
            p.setProperty("receiver", address + ":" + receiver.port());
            p.setProperty("java.home", System.getProperty("java.home"));
            p.setProperty("vm.args", String.join("\t", trialVmArgs()));
            p.setProperty("driver.jar", setup.driverJar().toString());
            p.setProperty("spark.task.maxFailures", String.valueOf(MAX_FAILURES));
            // an executor only starts trial processes: it starts sooner compiling less
            p.setProperty("spark.executor.extraJavaOptions", EXECUTOR_OPTIONS);
            if (host != null) {
                p.setProperty("spark.driver.host", host);
            }
            conf.forEach(p::setProperty);
            Path properties = folder.resolve("spark-driver.properties");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(properties, StandardCharsets.UTF_8))) {
                p.store(w, "the Spark driver of this sweep (written by descent sweep --spark)");
            }
            run(setup, properties, folder.resolve("spark-driver.log"), receiver, indices.size(), monitor);
        }
    }

    private void run(SparkSetup setup, Path properties, Path driverLog, Receiver receiver, int trials,
            IProgressMonitor monitor) throws IOException {
        List<String> command = new ArrayList<>(List.of(setup.jdk().resolve("bin/java").toString(),
                "@" + setup.jvmOptions(), "-cp", setup.classpath(), "DescentSparkDriver", properties.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(setup.environment());
        // not in the properties file of the sweep folder: the driver hands it to the tasks
        pb.environment().put(TOKEN, receiver.token());
        if (master.startsWith("local") && host == null) {
            pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        }
        log.accept("spark: driver for " + master + ", output in " + driverLog);
        Process driver = pb.start();
        Deque<String> last = new ArrayDeque<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(driver.getInputStream(),
                    StandardCharsets.UTF_8)); PrintWriter w = new PrintWriter(Files.newBufferedWriter(driverLog,
                            StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    w.println(line);
                    w.flush();
                    if (line.startsWith("spark: ")) {
                        log.accept(line);
                    }
                    synchronized (last) {
                        last.addLast(line);
                        if (last.size() > 20) {
                            last.removeFirst();
                        }
                    }
                }
            } catch (IOException e) {
                // the driver is gone
            }
        }, "descent-spark-driver-output");
        reader.setDaemon(true);
        reader.start();
        long cancelledAt = 0;
        try {
            while (!driver.waitFor(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (monitor.isCanceled() && cancelledAt == 0) {
                    cancelledAt = System.nanoTime();
                    receiver.cancel();
                }
                // cancelled: the trials save and end, then the job goes
                if (cancelledAt != 0 && (receiver.connected() == 0 || System.nanoTime() - cancelledAt > 30e9)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            monitor.setCanceled(true);
        } finally {
            if (driver.isAlive()) {
                driver.descendants().forEach(ProcessHandle::destroyForcibly);
                driver.destroyForcibly();
            }
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // a driver that fails once every trial ended (stopping Spark, say) failed no trial
        if (cancelledAt == 0 && !monitor.isCanceled() && driver.exitValue() != 0 && receiver.ended().size() < trials) {
            String tail;
            synchronized (last) {
                tail = last.stream().filter(l -> l.contains("Exception") || l.contains("ERROR") || l.contains("rror:"))
                        .reduce((a, b) -> b).orElse(last.isEmpty() ? "" : last.getLast());
            }
            throw new IOException("the Spark job failed (driver exit " + driver.exitValue() + "): " + tail
                    + " (the driver's output is in " + driverLog + ")");
        }
    }

    /**
     * The JVM options of this process for the trials' (Descent's options from ./descent and
     * DESCENT_VM_ARGS), with the product's folder as {@code @PRODUCT@} and this machine's own paths
     * left out; ND4J's native libraries are unpacked beside the executor's product.
     */
    static List<String> trialVmArgs() throws IOException {
        String product = ProductArchive.product().toString().replaceAll("/$", "");
        List<String> args = new ArrayList<>();
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("-Ddescent.") || a.startsWith("-Dorg.bytedeco.javacpp.cachedir=")
                    || a.startsWith("-agentlib:") || a.startsWith("-javaagent:") || a.startsWith("-Xrunjdwp")) {
                continue;
            }
            args.add(a.replace(product, "@PRODUCT@"));
        }
        args.add("-Dorg.bytedeco.javacpp.cachedir=@PRODUCT@-javacpp");
        return args;
    }
}
