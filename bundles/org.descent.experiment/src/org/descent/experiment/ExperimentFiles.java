package org.descent.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.descent.core.InputFile;
import org.descent.experiment.internal.AtomicFiles;
import org.descent.experiment.internal.SafeXmiResourceFactory;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentPackage;
import org.descent.experiment.model.Run;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * Reads and writes {@code .descent} files: XMI holding an {@link Experiment} or a {@link Run}.
 * Reading never resolves XML external entities, and every problem is reported with the file
 * and line.
 *
 * @since 0.1.0
 */
public final class ExperimentFiles {

    /** The file extension of experiment and run files. */
    public static final String EXTENSION = "descent";

    private ExperimentFiles() {
    }

    private static ResourceSet resourceSet() {
        ResourceSet set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*", new SafeXmiResourceFactory());
        set.getPackageRegistry().put(ExperimentPackage.eNS_URI, ExperimentPackage.eINSTANCE);
        return set;
    }

    /**
     * Loads the root object of a file (an experiment or a run).
     *
     * @throws ExperimentException naming the file, line and what is wrong
     */
    public static EObject load(Path file) throws ExperimentException {
        try {
            InputFile.check(file, file.toString());
        } catch (IllegalArgumentException e) {
            throw new ExperimentException(e.getMessage());
        }
        Resource resource = resourceSet().createResource(URI.createFileURI(file.toAbsolutePath().toString()));
        List<String> problems = new ArrayList<>();
        try {
            resource.load(SafeXmiResourceFactory.loadOptions());
        } catch (IOException | RuntimeException e) {
            if (resource.getErrors().isEmpty()) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problems.add(file + ": not a readable experiment file: " + message(cause));
            }
        }
        for (Resource.Diagnostic d : resource.getErrors()) {
            problems.add(file + ":" + d.getLine() + ":" + d.getColumn() + ": " + clean(d.getMessage()));
        }
        if (problems.isEmpty() && resource.getContents().isEmpty()) {
            problems.add(file + ": the file holds no experiment");
        }
        if (!problems.isEmpty()) {
            throw new ExperimentException(problems);
        }
        EObject root = resource.getContents().get(0);
        if (!(root instanceof Experiment) && !(root instanceof Run)) {
            throw new ExperimentException(file + ": holds a " + root.eClass().getName() + ", not an Experiment or a Run");
        }
        return root;
    }

    /** The experiment of a file: the root, or the experiment of a run (a copy). */
    public static Experiment loadExperiment(Path file) throws ExperimentException {
        EObject root = load(file);
        return root instanceof Run run ? EcoreUtil.copy(run.getExperiment()) : (Experiment) root;
    }

    /** The run of a run file. */
    public static Run loadRun(Path file) throws ExperimentException {
        EObject root = load(file);
        if (!(root instanceof Run run)) {
            throw new ExperimentException(file + ": holds an experiment, not a run");
        }
        return run;
    }

    /**
     * Saves an object (with its contents) as the only root of a file, atomically: a reader sees
     * the old file or the new one, never half of one. The object is copied, so it can stay in
     * its own resource.
     */
    public static void save(EObject root, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Resource resource = resourceSet().createResource(URI.createFileURI(file.toAbsolutePath().toString()));
        resource.getContents().add(EcoreUtil.copy(root));
        AtomicFiles.write(file, out -> resource.save(out, SafeXmiResourceFactory.saveOptions()));
    }

    /**
     * The 1-based line of the first occurrence of {@code text} in a file, or 0: lets messages
     * about values point into the file.
     */
    public static int lineOf(Path file, String text) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            int at = content.indexOf(text);
            if (at < 0) {
                return 0;
            }
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (content.charAt(i) == '\n') {
                    line++;
                }
            }
            return line;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null ? "the file cannot be read as XML" : clean(m);
    }

    /**
     * A parser's message in words: without the exception class the XML parser or EMF puts in
     * front ({@code org.xml.sax.SAXParseExceptionpublicId: ...; systemId: ...; lineNumber: 3;
     * columnNumber: 5; The element type ...}), its locator (the caller names line and column)
     * and the file's URI.
     */
    static String clean(String message) {
        String m = message.strip();
        m = LEADING_CLASS.matcher(m).replaceFirst("");
        m = LOCATOR.matcher(m).replaceAll("");
        int paren = m.indexOf(" (file:");
        m = paren > 0 ? m.substring(0, paren) : m;
        m = m.strip();
        return m.isEmpty() ? "the file cannot be read as XML" : m;
    }

    /** A qualified exception class name at the start of a message, with an optional colon. */
    private static final Pattern LEADING_CLASS = Pattern.compile("^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):?\\s*");
    /** The SAX locator fields a SAXParseException's text carries. */
    private static final Pattern LOCATOR = Pattern.compile("(?:publicId|systemId|lineNumber|columnNumber):[^;]*;\\s*");
}
