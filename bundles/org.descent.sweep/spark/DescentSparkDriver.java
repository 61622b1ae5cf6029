import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.spark.SparkConf;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * The Spark driver of a Descent sweep (compiled at first use against Spark's jars and run by
 * 'descent sweep --spark' in a JVM of its own, JDK 17 or 21: Spark never runs inside OSGi). One
 * task per trial: the task has the headless product the job ships (an archive) train the trial,
 * on the worker's JDK 21 or newer, in one process per executor ('descent sweep-trial --serve');
 * the trial fetches its sweep from the receiver of the sweeping process and streams its run
 * folder back. A task whose executor or trial process dies fails, and Spark runs it again; the
 * trial resumes from its last checkpoint.
 *
 * The only argument is a properties file: master, app, trials (comma separated), product (the
 * archive), receiver (host:port), java.home (the sweeping machine's JDK for trials), vm.args
 * (tab separated, @PRODUCT@ for the product's folder), driver.jar, and spark.* settings.
 */
public final class DescentSparkDriver {

    private DescentSparkDriver() {
    }

    public static void main(String[] args) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        String master = p.getProperty("master");
        // local mode tries a task once unless told otherwise: as a cluster, four times
        if (master.matches("local\\[[^,\\]]+\\]")) {
            master = master.substring(0, master.length() - 1) + "," + p.getProperty("spark.task.maxFailures", "4") + "]";
        }
        SparkConf conf = new SparkConf().setAppName(p.getProperty("app")).setMaster(master)
                .setJars(new String[] { p.getProperty("driver.jar") });
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("spark.")) {
                conf.set(key, p.getProperty(key));
            }
        }
        List<Integer> trials = Arrays.stream(p.getProperty("trials").split(",")).map(Integer::valueOf).toList();
        File archive = new File(p.getProperty("product"));
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            sc.sc().addArchive(archive.getAbsolutePath());
            System.out.println("spark: application " + sc.sc().applicationId() + " on " + master + ", " + trials.size()
                    + " trial(s)");
            System.out.flush();
            List<String> ended = sc.parallelize(trials, trials.size())
                    .map(new RunTrial(archive.getName(), p.getProperty("receiver"), System.getenv("DESCENT_SWEEP_TOKEN"),
                            p.getProperty("java.home"), p.getProperty("vm.args")))
                    .collect();
            ended.forEach(System.out::println);
        }
    }

    /** A task: one trial, run by the shipped product on the worker. */
    static final class RunTrial implements Function<Integer, String> {
        private static final long serialVersionUID = 1L;
        private final String archive;
        private final String receiver;
        private final String token;
        private final String javaHome;
        private final String vmArgs;

        RunTrial(String archive, String receiver, String token, String javaHome, String vmArgs) {
            this.archive = archive;
            this.receiver = receiver;
            this.token = token;
            this.javaHome = javaHome;
            this.vmArgs = vmArgs;
        }

        @Override
        public String call(Integer trial) throws Exception {
            int attempt = TaskContext.get().attemptNumber();
            Path product = Path.of(SparkFiles.get(archive)).toAbsolutePath();
            int port = server(product);
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                s.getOutputStream().write((receiver + " " + trial + " " + attempt + " " + token + "\n").getBytes(StandardCharsets.UTF_8));
                s.getOutputStream().flush();
                s.setSoTimeout(500);
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                String line = null;
                while (line == null) {
                    try {
                        line = in.readLine();
                        if (line == null) {
                            throw new IOException("trial " + trial + " (attempt " + attempt + "): the trial server of "
                                    + product + " is gone");
                        }
                    } catch (SocketTimeoutException e) {
                        // a task killed (the job cancelled) closes the connection: the server cancels its trial
                        if (Thread.currentThread().isInterrupted() || TaskContext.get().isInterrupted()) {
                            throw new InterruptedException("trial " + trial + " cancelled");
                        }
                    }
                }
                if (!line.strip().equals("0")) {
                    throw new IOException("trial " + trial + " (attempt " + attempt + "): descent sweep-trial exited with "
                            + line.strip());
                }
            }
            return "spark: trial " + trial + " ended (attempt " + attempt + ")";
        }

        /**
         * The port of this executor's trial server ('descent sweep-trial --serve'), started by the
         * first task: one JVM for the trials of an executor, so that a trial does not pay for a
         * JVM, the framework and ND4J. It ends with the executor.
         */
        private int server(Path product) throws IOException, InterruptedException {
            Path portFile = product.resolveSibling(product.getFileName() + "-server.port");
            synchronized (RunTrial.class) {
                if (Files.isRegularFile(portFile)) {
                    int port = Integer.parseInt(Files.readString(portFile).strip());
                    try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        return port;
                    } catch (IOException e) {
                        Files.delete(portFile); // a server of an executor before this one
                    }
                }
                Path launcher;
                try (Stream<Path> s = Files.list(product.resolve("plugins"))) {
                    launcher = s.filter(f -> f.getFileName().toString().startsWith("org.eclipse.equinox.launcher_")
                            && f.getFileName().toString().endsWith(".jar")).findFirst()
                            .orElseThrow(() -> new IOException(product + " holds no Equinox launcher: not Descent's product"));
                }
                Path argsFile = product.resolveSibling(product.getFileName() + "-server.args");
                Files.writeString(argsFile, "sweep-trial\0--serve\0" + portFile + "\0", StandardCharsets.UTF_8);
                List<String> command = new ArrayList<>();
                command.add(java().toString());
                for (String a : vmArgs.isEmpty() ? new String[0] : vmArgs.split("\t")) {
                    command.add(a.replace("@PRODUCT@", product.toString()));
                }
                command.add("-Ddescent.args.file=" + argsFile);
                command.addAll(List.of("-jar", launcher.toString(), "-application", "org.descent.headless.application",
                        "-configuration", configuration(product).toString(), "-nosplash"));
                ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
                pb.environment().remove("DISPLAY");
                Process process = pb.start();
                long deadline = System.nanoTime() + 180_000_000_000L;
                while (!Files.isRegularFile(portFile)) {
                    if (!process.isAlive()) {
                        throw new IOException("descent sweep-trial --serve exited with " + process.exitValue()
                                + " before it listened (the executor's log has its output)");
                    }
                    if (System.nanoTime() > deadline) {
                        process.destroyForcibly();
                        throw new IOException("descent sweep-trial --serve did not listen within 180 s");
                    }
                    Thread.sleep(50);
                }
                return Integer.parseInt(Files.readString(portFile).strip());
            }
        }

        /** The JDK (21 or newer) trials run on: the worker's DESCENT_JAVA_HOME, or the sweeping machine's. */
        private Path java() throws IOException {
            Map<String, String> env = System.getenv();
            String home = env.getOrDefault("DESCENT_JAVA_HOME", javaHome);
            Path java = Path.of(home, "bin", "java");
            if (!Files.isExecutable(java)) {
                throw new IOException("no Java to run Descent's product on this worker: " + java + " is missing; give"
                        + " the workers a JDK 21 or newer and name it with DESCENT_JAVA_HOME (e.g. --spark-conf"
                        + " spark.executorEnv.DESCENT_JAVA_HOME=/opt/jdk-25)");
            }
            return java;
        }

        /**
         * The headless configuration area beside the unpacked product, made once per executor from
         * the one the archive carries (the framework unpacks ND4J's jars there once for all trials).
         */
        private static Path configuration(Path product) throws IOException {
            Path area = product.resolveSibling(product.getFileName() + "-configuration");
            synchronized (RunTrial.class) {
                if (!Files.isDirectory(area)) {
                    Path tmp = Files.createTempDirectory(product.getParent(), "configuration");
                    Path from = product.resolve("descent-headless");
                    Files.copy(from.resolve("config.ini"), tmp.resolve("config.ini"));
                    Path info = tmp.resolve("org.eclipse.equinox.simpleconfigurator");
                    Files.createDirectories(info);
                    Files.copy(from.resolve("bundles.info"), info.resolve("bundles.info"));
                    try {
                        Files.move(tmp, area, StandardCopyOption.ATOMIC_MOVE);
                    } catch (IOException e) {
                        if (!Files.isDirectory(area)) {
                            throw e;
                        }
                    }
                }
            }
            return area;
        }
    }
}
