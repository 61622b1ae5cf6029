package org.descent.headless.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.descent.core.ExtensionPoints;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The files of a new out-of-tree plugin project, as {@code descent new-plugin} writes them: a
 * Tycho reactor that builds against the Descent SDK repository, the plugin bundle (manifest,
 * plugin.xml, one skeleton class per contribution) and a tests bundle whose tests pass as
 * generated. Pure: computes paths and contents, writes nothing.
 *
 * @param name the bundle symbolic name, also the Java package and the Maven groupId
 * @param optimizer id of the skeleton optimizer, or null for none
 * @param loss id of the skeleton loss, or null for none
 * @param analysis id of the skeleton analysis, or null for none
 * @param repository the SDK repository's URL, written into the project's pom.xml
 * @param descentVersion the Descent version the plugin is made for (major.minor.micro)
 */
record PluginProject(String name, @Nullable String optimizer, @Nullable String loss, @Nullable String analysis,
        String repository, String descentVersion) {

    /** Tycho's version the project builds with: the one Descent itself is built with. */
    static final String TYCHO = "5.0.2";
    static final String JUNIT_JUPITER = "5.14.1";
    static final String JUNIT_PLATFORM = "1.14.1";

    private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits");

    /**
     * Checks the inputs.
     *
     * @throws IllegalArgumentException naming the value and what is expected
     */
    PluginProject {
        String[] segments = name.split("\\.", -1);
        for (String s : segments) {
            if (!SEGMENT.matcher(s).matches() || KEYWORDS.contains(s)) {
                throw new IllegalArgumentException("'" + name + "' is not a valid plugin name: expected a bundle "
                        + "symbolic name such as com.example.myoptimizer (dot-separated lower-case Java identifiers, "
                        + "each starting with a letter, no Java keyword), which is also the Java package");
            }
        }
        checkId("--optimizer", optimizer);
        checkId("--loss", loss);
        checkId("--analysis", analysis);
        if (optimizer == null && loss == null && analysis == null) {
            throw new IllegalArgumentException("name at least one contribution: --optimizer ID, --loss ID or --analysis ID");
        }
    }

    private static void checkId(String option, @Nullable String id) {
        if (id != null && !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("option '" + option + "': '" + id + "' is not a valid id: expected lower "
                    + "case letters and digits separated by single dashes, starting with a letter (e.g. my-sgd)");
        }
    }

    /** The Java class name of a contribution id: {@code my-sgd} gives {@code MySgd}. */
    static String className(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /** The contributions the project makes, kind (optimizer, loss, analysis) to id. */
    Map<String, String> contributions() {
        Map<String, String> c = new LinkedHashMap<>();
        if (optimizer != null) {
            c.put("optimizer", optimizer);
        }
        if (loss != null) {
            c.put("loss", loss);
        }
        if (analysis != null) {
            c.put("analysis", analysis);
        }
        return c;
    }

    String testsName() {
        return name + ".tests";
    }

    /** The bundle folder's path of a file in the plugin bundle's package. */
    private String source(String bundle, String pkg, String cls) {
        return bundle + "/src/" + pkg.replace('.', '/') + "/" + cls + ".java";
    }

    /** Every file of the project, by path relative to the project folder, in writing order. */
    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pom.xml", parentPom());
        files.put(".mvn/maven.config", "--no-transfer-progress\n");
        files.put(".gitignore", "target/\n");
        files.put("README.md", readme());
        files.put(name + "/pom.xml", modulePom(name, "eclipse-plugin", ""));
        files.put(name + "/META-INF/MANIFEST.MF", manifest());
        files.put(name + "/build.properties", """
                source.. = src/
                output.. = target/classes/
                bin.includes = META-INF/,\\
                               .,\\
                               plugin.xml
                """);
        files.put(name + "/plugin.xml", pluginXml());
        files.put(source(name, name, "package-info"), packageInfo(name, "The contributions of " + name + " to Descent."));
        if (optimizer != null) {
            files.put(source(name, name, className(optimizer)), optimizerClass(optimizer));
        }
        if (loss != null) {
            files.put(source(name, name, className(loss)), lossClass(loss));
        }
        if (analysis != null) {
            files.put(source(name, name, className(analysis)), analysisClass(analysis));
        }
        String tests = testsName();
        files.put(name + ".repository/pom.xml", modulePom(name + ".repository", "eclipse-repository", ""));
        files.put(name + ".repository/category.xml", categoryXml());
        files.put(tests + "/pom.xml", modulePom(tests, "eclipse-test-plugin", testsPomBody()));
        files.put(tests + "/META-INF/MANIFEST.MF", testsManifest());
        files.put(tests + "/build.properties", """
                source.. = src/
                output.. = target/classes/
                bin.includes = META-INF/,\\
                               .
                """);
        files.put(source(tests, tests, "ContributionsTest"), contributionsTest());
        if (optimizer != null) {
            files.put(source(tests, tests, className(optimizer) + "Test"), optimizerTest(optimizer));
        }
        if (loss != null) {
            files.put(source(tests, tests, className(loss) + "Test"), lossTest(loss));
        }
        if (analysis != null) {
            files.put(source(tests, tests, className(analysis) + "Test"), analysisTest(analysis));
        }
        return files;
    }

    /** The range of Descent bundle versions the plugin accepts: this minor version up to the next major. */
    private String descentRange() {
        String[] v = descentVersion.split("\\.");
        int major = Integer.parseInt(v[0]);
        // before 1.0 every minor version may break (semantic versioning's 0.x), so accept only this one
        String upper = major == 0 ? "0." + (Integer.parseInt(v[1]) + 1) + ".0" : (major + 1) + ".0.0";
        return "[" + v[0] + "." + v[1] + ".0," + upper + ")";
    }

    private static String fill(String template, Map<String, String> values) {
        String s = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s = s.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        if (s.contains("{{")) {
            throw new IllegalStateException("unfilled placeholder in " + s.substring(s.indexOf("{{")));
        }
        return s;
    }

    private Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("NAME", name);
        v.put("TESTS", testsName());
        v.put("REPOSITORY", repository);
        v.put("TYCHO", TYCHO);
        v.put("RANGE", descentRange());
        v.put("DESCENT_VERSION", descentVersion);
        return v;
    }

    private String parentPom() {
        return fill("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!--
                  {{NAME}}: a Descent plugin with its own Tycho build, made by 'descent new-plugin'. It builds
                  against the Descent SDK p2 repository (descent.repository below; another one with
                  -Ddescent.repository=URL) and takes JUnit from Maven Central. Build: mvn verify
                -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>{{NAME}}</groupId>
                  <artifactId>{{NAME}}-parent</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <packaging>pom</packaging>

                  <properties>
                    <tycho.version>{{TYCHO}}</tycho.version>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <descent.repository>{{REPOSITORY}}</descent.repository>
                  </properties>

                  <modules>
                    <module>{{NAME}}</module>
                    <module>{{TESTS}}</module>
                    <module>{{NAME}}.repository</module>
                  </modules>

                  <repositories>
                    <repository>
                      <id>descent-sdk</id>
                      <layout>p2</layout>
                      <url>${descent.repository}</url>
                    </repository>
                  </repositories>

                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.eclipse.tycho</groupId>
                        <artifactId>tycho-maven-plugin</artifactId>
                        <version>${tycho.version}</version>
                        <extensions>true</extensions>
                      </plugin>
                      <plugin>
                        <groupId>org.eclipse.tycho</groupId>
                        <artifactId>target-platform-configuration</artifactId>
                        <version>${tycho.version}</version>
                        <configuration>
                          <pomDependencies>consider</pomDependencies>
                          <environments>
                            <environment>
                              <os>linux</os>
                              <ws>gtk</ws>
                              <arch>x86_64</arch>
                            </environment>
                          </environments>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.eclipse.tycho</groupId>
                        <artifactId>tycho-compiler-plugin</artifactId>
                        <version>${tycho.version}</version>
                        <configuration>
                          <release>21</release>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """, values());
    }

    private String modulePom(String artifact, String packaging, String body) {
        Map<String, String> v = values();
        v.put("ARTIFACT", artifact);
        v.put("PACKAGING", packaging);
        v.put("BODY", body);
        return fill("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>{{NAME}}</groupId>
                    <artifactId>{{NAME}}-parent</artifactId>
                    <version>1.0.0-SNAPSHOT</version>
                  </parent>
                  <artifactId>{{ARTIFACT}}</artifactId>
                  <packaging>{{PACKAGING}}</packaging>
                {{BODY}}</project>
                """, v);
    }

    /** The plugin's p2 repository: its bundle in one category. */
    private String categoryXml() {
        return fill("""
                <?xml version="1.0" encoding="UTF-8"?>
                <site>
                   <bundle id="{{NAME}}" version="0.0.0">
                      <category name="{{NAME}}"/>
                   </bundle>
                   <category-def name="{{NAME}}" label="{{NAME}} (a Descent plugin)"/>
                </site>
                """, values());
    }

    private String testsPomBody() {
        StringBuilder deps = new StringBuilder();
        for (String[] d : List.of(new String[] { "org.junit.jupiter", "junit-jupiter-api", JUNIT_JUPITER },
                new String[] { "org.junit.jupiter", "junit-jupiter-engine", JUNIT_JUPITER },
                new String[] { "org.junit.platform", "junit-platform-launcher", JUNIT_PLATFORM },
                // Tycho's JUnit 5 provider requires the suite API and engine in the test runtime
                new String[] { "org.junit.platform", "junit-platform-suite-api", JUNIT_PLATFORM },
                new String[] { "org.junit.platform", "junit-platform-suite-engine", JUNIT_PLATFORM })) {
            deps.append("    <dependency>\n      <groupId>").append(d[0]).append("</groupId>\n      <artifactId>")
                    .append(d[1]).append("</artifactId>\n      <version>").append(d[2])
                    .append("</version>\n    </dependency>\n");
        }
        return """

                  <dependencies>
                """ + deps + """
                  </dependencies>

                  <build>
                    <plugins>
                      <plugin>
                        <groupId>org.eclipse.tycho</groupId>
                        <artifactId>target-platform-configuration</artifactId>
                        <configuration>
                          <dependency-resolution>
                            <extraRequirements>
                              <!-- Descent's contribution registry is a Declarative Services component -->
                              <requirement>
                                <type>eclipse-plugin</type>
                                <id>org.apache.felix.scr</id>
                                <versionRange>0.0.0</versionRange>
                              </requirement>
                            </extraRequirements>
                          </dependency-resolution>
                        </configuration>
                      </plugin>
                      <plugin>
                        <groupId>org.eclipse.tycho</groupId>
                        <artifactId>tycho-surefire-plugin</artifactId>
                        <version>${tycho.version}</version>
                        <configuration>
                          <bundleStartLevel>
                            <bundle>
                              <id>org.apache.felix.scr</id>
                              <level>2</level>
                              <autoStart>true</autoStart>
                            </bundle>
                          </bundleStartLevel>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                """;
    }

    private String manifest() {
        List<String> requires = new ArrayList<>();
        requires.add("org.descent.core;bundle-version=\"" + descentRange() + "\"");
        if (optimizer != null) {
            requires.add("org.descent.optimizers;bundle-version=\"" + descentRange() + "\"");
        }
        if (analysis != null) {
            requires.add("org.eclipse.core.runtime;bundle-version=\"3.30.0\"");
        }
        return fill("""
                Manifest-Version: 1.0
                Bundle-ManifestVersion: 2
                Bundle-Name: {{NAME}}
                Bundle-SymbolicName: {{NAME}};singleton:=true
                Bundle-Version: 1.0.0.qualifier
                Bundle-RequiredExecutionEnvironment: JavaSE-21
                Bundle-ActivationPolicy: lazy
                Require-Bundle: {{REQUIRES}}
                Import-Package: org.eclipse.jdt.annotation;resolution:=optional
                Export-Package: {{NAME}}
                """, Map.of("NAME", name, "REQUIRES", String.join(",\n ", requires)));
    }

    private String testsManifest() {
        return fill("""
                Manifest-Version: 1.0
                Bundle-ManifestVersion: 2
                Bundle-Name: {{TESTS}}
                Bundle-SymbolicName: {{TESTS}}
                Bundle-Version: 1.0.0.qualifier
                Bundle-RequiredExecutionEnvironment: JavaSE-21
                Require-Bundle: {{REQUIRES}}
                Import-Package: org.junit.jupiter.api;version="[5.10,6)",
                 org.junit.jupiter.api.function;version="[5.10,6)",
                 org.osgi.framework;version="[1.9,2)",
                 org.osgi.util.tracker;version="[1.5,2)"
                """, Map.of("TESTS", testsName(), "REQUIRES", String.join(",\n ", analysis == null
                ? List.of(name, "org.descent.core") : List.of(name, "org.descent.core", "org.eclipse.core.runtime"))));
    }

    private static String packageInfo(String pkg, String doc) {
        return fill("""
                /** {{DOC}} */
                @NonNullByDefault
                package {{PKG}};

                import org.eclipse.jdt.annotation.NonNullByDefault;
                """, Map.of("DOC", doc, "PKG", pkg));
    }

    private String pluginXml() {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?eclipse version=\"3.4\"?>\n<plugin>\n");
        if (optimizer != null) {
            b.append(fill("""
                       <extension point="{{POINT}}">
                          <optimizer id="{{ID}}" name="{{CLASS}}" class="{{NAME}}.{{CLASS}}">
                             <description>Gradient descent with heavy-ball momentum, as torch.optim.SGD with momentum and dampening 0: v ← μ·v + g, θ ← θ − lr·v. Replace it with your algorithm.</description>
                             <hyperparameter name="lr" type="double" default="0.01" range="(0,inf)" doc="Learning rate."/>
                             <hyperparameter name="momentum" type="double" default="0.9" range="[0,1)" doc="Momentum factor μ."/>
                             <hyperparameter name="weight_decay" type="double" default="0" range="[0,inf)" doc="L2 penalty added to the gradient."/>
                          </optimizer>
                       </extension>
                    """, Map.of("POINT", ExtensionPoints.OPTIMIZERS, "ID", optimizer, "CLASS", className(optimizer),
                    "NAME", name)));
        }
        if (loss != null) {
            b.append(fill("""
                       <extension point="{{POINT}}">
                          <loss id="{{ID}}" name="{{CLASS}}" class="{{NAME}}.{{CLASS}}">
                             <description>Half the mean squared error, mean over all target values of ½(output − target)². Replace it with your loss.</description>
                          </loss>
                       </extension>
                    """, Map.of("POINT", ExtensionPoints.LOSSES, "ID", loss, "CLASS", className(loss), "NAME", name)));
        }
        if (analysis != null) {
            b.append(fill("""
                       <extension point="{{POINT}}">
                          <analysis id="{{ID}}" name="{{CLASS}}" class="{{NAME}}.{{CLASS}}" needs="run,point">
                             <description>The Euclidean norm of each parameter block at the analysed step. Replace it with your analysis.</description>
                          </analysis>
                       </extension>
                    """, Map.of("POINT", ExtensionPoints.ANALYSES, "ID", analysis, "CLASS", className(analysis),
                    "NAME", name)));
        }
        return b.append("</plugin>\n").toString();
    }

    private String optimizerClass(String id) {
        return fill("""
                package {{NAME}};

                import java.util.List;

                import org.descent.core.Settings;
                import org.descent.optimizers.ElementwiseOptimizer;

                /**
                 * The {@code {{ID}}} optimizer: gradient descent with heavy-ball momentum. {@link ElementwiseOptimizer}
                 * keeps the step count and the state arrays (here {@code momentum_buffer}) and saves and restores
                 * them, so runs resume bit for bit.
                 */
                public final class {{CLASS}} extends ElementwiseOptimizer {

                    private double momentum;

                    @Override
                    protected void configureMore(Settings settings) {
                        momentum = settings.getDouble("momentum");
                    }

                    @Override
                    protected List<String> stateArrays() {
                        return List.of("momentum_buffer");
                    }

                    @Override
                    protected void update(double[] parameters, double[] gradient, double learningRate, long step) {
                        double[] v = state("momentum_buffer");
                        for (int i = 0; i < parameters.length; i++) {
                            double g = gradient[i] + weightDecay * parameters[i];
                            v[i] = momentum * v[i] + g;
                            parameters[i] -= learningRate * v[i];
                        }
                    }
                }
                """, Map.of("NAME", name, "ID", id, "CLASS", className(id)));
    }

    private String lossClass(String id) {
        return fill("""
                package {{NAME}};

                import org.descent.core.DataShape;
                import org.descent.core.LossFunction;
                import org.descent.core.OutputKind;
                import org.descent.core.Settings;
                import org.eclipse.jdt.annotation.Nullable;

                /**
                 * The {@code {{ID}}} loss: half the mean squared error over all target values, with its gradient
                 * {@code (output - target) / count}. For class labels, {@code org.descent.losses.ClassTargets}
                 * checks labels and counts correct predictions.
                 */
                public final class {{CLASS}} implements LossFunction {

                    @Override
                    public void configure(Settings settings) {
                        // no hyperparameters
                    }

                    @Override
                    public OutputKind outputKind() {
                        return OutputKind.VALUES;
                    }

                    @Override
                    public int outputDim(DataShape shape) {
                        if (shape.isClassification()) {
                            throw new IllegalArgumentException("{{ID}} needs real-valued targets; this data set has "
                                    + shape.classes() + " classes");
                        }
                        return shape.targetDim();
                    }

                    @Override
                    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets,
                            double @Nullable [] gradient) {
                        int count = n * shape.targetDim();
                        double sum = 0;
                        for (int i = 0; i < count; i++) {
                            double d = outputs[i] - targets[i];
                            sum += 0.5 * d * d;
                            if (gradient != null) {
                                gradient[i] = d / count;
                            }
                        }
                        return sum / count;
                    }
                }
                """, Map.of("NAME", name, "ID", id, "CLASS", className(id)));
    }

    private String analysisClass(String id) {
        return fill("""
                package {{NAME}};

                import java.util.ArrayList;
                import java.util.List;

                import org.descent.core.Analysis;
                import org.descent.core.AnalysisInput;
                import org.descent.core.AnalysisResult;
                import org.descent.core.ParameterBlock;
                import org.descent.core.Settings;
                import org.descent.core.Subject;
                import org.eclipse.core.runtime.IProgressMonitor;

                /**
                 * The {@code {{ID}}} analysis: the Euclidean norm of each parameter block at the analysed step,
                 * as a report line per block and a table {@code norms} (block index, size, norm). A workbench
                 * renderer can be contributed for it through {@code org.descent.ui.analysis.renderers}.
                 */
                public final class {{CLASS}} implements Analysis {

                    @Override
                    public void configure(Settings settings) {
                        // no hyperparameters
                    }

                    @Override
                    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) {
                        Subject subject = input.requireSubject("{{ID}}");
                        double[] theta = subject.parameters();
                        AnalysisResult result = new AnalysisResult("{{ID}}");
                        List<double[]> rows = new ArrayList<>();
                        double total = 0;
                        int index = 0;
                        for (ParameterBlock block : subject.blocks()) {
                            double sum = 0;
                            for (int i = block.offset(); i < block.offset() + block.size(); i++) {
                                sum += theta[i] * theta[i];
                            }
                            total += sum;
                            rows.add(new double[] { index++, block.size(), Math.sqrt(sum) });
                            result.line("%-24s %8d  %.6g", block.name(), block.size(), Math.sqrt(sum));
                        }
                        result.put("norm", Math.sqrt(total));
                        result.table("norms", new AnalysisResult.Table(List.of("block", "size", "norm"), rows, true));
                        return result;
                    }
                }
                """, Map.of("NAME", name, "ID", id, "CLASS", className(id)));
    }

    private String contributionsTest() {
        StringBuilder checks = new StringBuilder();
        if (optimizer != null) {
            checks.append(check(ExtensionPoints.OPTIMIZERS, optimizer));
        }
        if (loss != null) {
            checks.append(check(ExtensionPoints.LOSSES, loss));
        }
        if (analysis != null) {
            checks.append(check(ExtensionPoints.ANALYSES, analysis));
        }
        return fill("""
                package {{TESTS}};

                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertNotNull;
                import static org.junit.jupiter.api.Assertions.assertTrue;

                import java.util.concurrent.TimeUnit;

                import org.descent.core.Contribution;
                import org.descent.core.ContributionRegistry;
                import org.junit.jupiter.api.Test;
                import org.osgi.framework.FrameworkUtil;
                import org.osgi.util.tracker.ServiceTracker;

                /** The plugin's contributions, as Descent's registry finds them; none is reported broken. */
                class ContributionsTest {

                    /** Descent's registry, the OSGi service Descent itself uses. */
                    static ContributionRegistry registry() throws InterruptedException {
                        ServiceTracker<ContributionRegistry, ContributionRegistry> tracker = new ServiceTracker<>(
                                FrameworkUtil.getBundle(ContributionsTest.class).getBundleContext(), ContributionRegistry.class,
                                null);
                        tracker.open();
                        ContributionRegistry registry = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
                        assertNotNull(registry, "Descent's ContributionRegistry service is not running");
                        return registry;
                    }

                    @Test
                    void contributedWithTheirBundle() throws InterruptedException {
                        ContributionRegistry registry = registry();
                        assertTrue(registry.problems().stream().noneMatch(p -> p.bundle().equals("{{NAME}}")),
                                () -> "problems: " + registry.problems());
                {{CHECKS}}    }
                }
                """, Map.of("TESTS", testsName(), "NAME", name, "CHECKS", checks.toString()));
    }

    private String check(String point, String id) {
        return fill("""
                        Contribution {{VAR}} = registry.find("{{POINT}}", "{{ID}}").orElseThrow();
                        assertEquals("{{NAME}}", {{VAR}}.bundle());
                        assertEquals("{{NAME}}.{{CLASS}}", {{VAR}}.className());
                """, Map.of("VAR", variable(id), "POINT", point, "ID", id, "NAME", name, "CLASS", className(id)));
    }

    private static String variable(String id) {
        String c = className(id);
        return Character.toLowerCase(c.charAt(0)) + c.substring(1);
    }

    private String optimizerTest(String id) {
        return fill("""
                package {{TESTS}};

                import static org.junit.jupiter.api.Assertions.assertArrayEquals;

                import java.util.List;
                import java.util.Map;

                import org.descent.core.Contribution;
                import org.descent.core.ContributionRegistry;
                import org.descent.core.Optimizer;
                import org.descent.core.ParameterBlock;
                import org.descent.core.Settings;
                import org.junit.jupiter.api.Test;

                /** The {@code {{ID}}} optimizer against momentum's closed form, and its saved state. */
                class {{CLASS}}Test {

                    private static Optimizer create(Map<String, String> settings) throws Exception {
                        ContributionRegistry registry = ContributionsTest.registry();
                        Contribution c = registry.find("{{POINT}}", "{{ID}}").orElseThrow();
                        Optimizer optimizer = registry.createExecutable(c, Optimizer.class);
                        optimizer.configure(Settings.resolve(c, settings));
                        optimizer.initialise(List.of(new ParameterBlock("x", new int[] { 1 }, 0)));
                        return optimizer;
                    }

                    /**
                     * On f(x) = x²/2 (gradient x) from x = 1, lr 0.1, μ 0.9: v1 = 1, x1 = 0.9; v2 = 0.9 + 0.9 = 1.8,
                     * x2 = 0.9 - 0.18 = 0.72; v3 = 1.62 + 0.72 = 2.34, x3 = 0.72 - 0.234 = 0.486.
                     */
                    @Test
                    void followsTheClosedForm() throws Exception {
                        Optimizer optimizer = create(Map.of("lr", "0.1", "momentum", "0.9"));
                        double[] x = { 1 };
                        double[] expected = { 0.9, 0.72, 0.486 };
                        for (double e : expected) {
                            optimizer.step(x, new double[] { x[0] }, optimizer.learningRate());
                            assertArrayEquals(new double[] { e }, x, 1e-12);
                        }
                    }

                    @Test
                    void resumesFromItsSavedState() throws Exception {
                        Optimizer a = create(Map.of());
                        double[] x = { 2 };
                        a.step(x, new double[] { x[0] }, a.learningRate());
                        Optimizer.State saved = a.saveState();
                        double[] y = x.clone();
                        a.step(x, new double[] { x[0] }, a.learningRate());
                        Optimizer b = create(Map.of());
                        b.restoreState(saved);
                        b.step(y, new double[] { y[0] }, b.learningRate());
                        assertArrayEquals(x, y, 0);
                    }
                }
                """, Map.of("TESTS", testsName(), "ID", id, "CLASS", className(id), "POINT", ExtensionPoints.OPTIMIZERS));
    }

    private String lossTest(String id) {
        return fill("""
                package {{TESTS}};

                import static org.junit.jupiter.api.Assertions.assertArrayEquals;
                import static org.junit.jupiter.api.Assertions.assertEquals;
                import static org.junit.jupiter.api.Assertions.assertThrows;

                import java.util.Map;

                import org.descent.core.Contribution;
                import org.descent.core.ContributionRegistry;
                import org.descent.core.DataShape;
                import org.descent.core.LossFunction;
                import org.descent.core.Settings;
                import org.junit.jupiter.api.Test;

                /** The {@code {{ID}}} loss against values worked by hand, and its gradient against finite differences. */
                class {{CLASS}}Test {

                    private static LossFunction create() throws Exception {
                        ContributionRegistry registry = ContributionsTest.registry();
                        Contribution c = registry.find("{{POINT}}", "{{ID}}").orElseThrow();
                        LossFunction loss = registry.createExecutable(c, LossFunction.class);
                        loss.configure(Settings.resolve(c, Map.of()));
                        return loss;
                    }

                    /** Outputs (1, 2), (3, 5) against targets (0, 2), (1, 1): ½(1 + 0 + 4 + 16) / 4 = 2.625. */
                    @Test
                    void valueAndGradient() throws Exception {
                        LossFunction loss = create();
                        DataShape shape = new DataShape(2, 1, 2, 0);
                        double[] outputs = { 1, 2, 3, 5 };
                        double[] targets = { 0, 2, 1, 1 };
                        double[] gradient = new double[4];
                        assertEquals(2.625, loss.evaluate(2, shape, outputs, targets, gradient), 1e-12);
                        assertArrayEquals(new double[] { 0.25, 0, 0.5, 1 }, gradient, 1e-12);
                        double h = 1e-6;
                        for (int i = 0; i < outputs.length; i++) {
                            double[] up = outputs.clone();
                            double[] down = outputs.clone();
                            up[i] += h;
                            down[i] -= h;
                            double numeric = (loss.evaluate(2, shape, up, targets, null)
                                    - loss.evaluate(2, shape, down, targets, null)) / (2 * h);
                            assertEquals(numeric, gradient[i], 1e-8, "d/d output " + i);
                        }
                    }

                    @Test
                    void refusesClassLabels() throws Exception {
                        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                                () -> create().outputDim(new DataShape(10, 4, 1, 3)));
                        assertEquals("{{ID}} needs real-valued targets; this data set has 3 classes", e.getMessage());
                    }
                }
                """, Map.of("TESTS", testsName(), "ID", id, "CLASS", className(id), "POINT", ExtensionPoints.LOSSES));
    }

    private String analysisTest(String id) {
        return fill("""
                package {{TESTS}};

                import static org.junit.jupiter.api.Assertions.assertArrayEquals;
                import static org.junit.jupiter.api.Assertions.assertEquals;

                import java.lang.reflect.Proxy;
                import java.util.List;
                import java.util.Map;
                import java.util.Optional;

                import org.descent.core.Analysis;
                import org.descent.core.AnalysisInput;
                import org.descent.core.AnalysisResult;
                import org.descent.core.Contribution;
                import org.descent.core.ContributionRegistry;
                import org.descent.core.ParameterBlock;
                import org.descent.core.Settings;
                import org.descent.core.Subject;
                import org.eclipse.core.runtime.NullProgressMonitor;
                import org.junit.jupiter.api.Test;

                /** The {@code {{ID}}} analysis on parameters whose block norms are known: (3, 4) and (12). */
                class {{CLASS}}Test {

                    /** A subject that answers only what the analysis asks: label, parameter layout and values. */
                    private static Subject subject(List<ParameterBlock> blocks, double[] parameters) {
                        return (Subject) Proxy.newProxyInstance(Subject.class.getClassLoader(), new Class<?>[] { Subject.class },
                                (proxy, method, args) -> switch (method.getName()) {
                                case "label" -> "test subject";
                                case "blocks" -> blocks;
                                case "parameters" -> parameters.clone();
                                case "size" -> parameters.length;
                                default -> throw new UnsupportedOperationException(method.getName());
                                });
                    }

                    @Test
                    void normsPerBlock() throws Exception {
                        ContributionRegistry registry = ContributionsTest.registry();
                        Contribution c = registry.find("{{POINT}}", "{{ID}}").orElseThrow();
                        Analysis analysis = registry.createExecutable(c, Analysis.class);
                        analysis.configure(Settings.resolve(c, Map.of()));
                        List<ParameterBlock> blocks = List.of(new ParameterBlock("w", new int[] { 2 }, 0),
                                new ParameterBlock("b", new int[] { 1 }, 2));
                        AnalysisResult result = analysis.analyze(
                                new AnalysisInput(Optional.of(subject(blocks, new double[] { 3, 4, 12 })), Map.of()),
                                new NullProgressMonitor());
                        assertArrayEquals(new double[] { 5, 12 }, result.tables().get("norms").column("norm"), 1e-12);
                        assertEquals(13.0, (Double) result.values().get("norm"), 1e-12);
                    }
                }
                """, Map.of("TESTS", testsName(), "ID", id, "CLASS", className(id), "POINT", ExtensionPoints.ANALYSES));
    }

    private String readme() {
        return fill("""
                # {{NAME}}

                A Descent plugin made by `descent new-plugin` for Descent {{DESCENT_VERSION}}.

                - `{{NAME}}/`: the bundle. `plugin.xml` declares its contributions (the schemas are in the
                  Descent SDK's `org.descent.core` bundle, `schema/*.exsd`); one class per contribution in
                  `src/`.
                - `{{TESTS}}/`: tests that run inside OSGi with Descent's contribution registry.
                - `{{NAME}}.repository/`: the plugin's p2 repository (`category.xml`), built into
                  `{{NAME}}.repository/target/repository`: what `descent install` takes.
                - `pom.xml`: the Tycho build. Its only p2 repository is the Descent SDK,
                  `{{REPOSITORY}}` (the `descent.repository` property; `-Ddescent.repository=URL` for another).

                Build and test: `mvn verify` in this folder (Maven 3.9 and a JDK 21 or newer). Install:
                `descent install {{NAME}}.repository/target/repository` puts the bundle into the user's plugin
                folder (`~/.descent/plugins`, or the one `DESCENT_PLUGINS` names), and `descent plugins` lists
                its contributions; `descent uninstall {{NAME}}` removes it. (Copying
                `{{NAME}}/target/{{NAME}}-1.0.0-SNAPSHOT.jar` into that folder works too.)
                """, Map.of("NAME", name, "TESTS", testsName(), "DESCENT_VERSION", descentVersion, "REPOSITORY",
                repository));
    }
}
