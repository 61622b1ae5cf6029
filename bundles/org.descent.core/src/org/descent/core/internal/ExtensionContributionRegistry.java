package org.descent.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.ContributionRegistry;
import org.descent.core.PluginFault;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IRegistryChangeListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link ContributionRegistry} service over the Eclipse extension registry. The snapshot is
 * read on first use and read again after the extension registry changes or bundles are
 * installed, resolved or removed at run time. Bundles that are installed but cannot be resolved
 * (a third-party plugin whose requirements are missing) contribute nothing: they are reported
 * as problems with the reason, instead of vanishing silently.
 */
@Component(service = ContributionRegistry.class)
public final class ExtensionContributionRegistry implements ContributionRegistry {

    private static final String BUNDLE = "org.descent.core";

    private static final Set<Integer> BUNDLE_CHANGES = Set.of(BundleEvent.INSTALLED, BundleEvent.RESOLVED,
            BundleEvent.UNRESOLVED, BundleEvent.UNINSTALLED, BundleEvent.UPDATED);

    private final IExtensionRegistry registry;
    private final BundleContext context;
    private final IRegistryChangeListener listener = event -> invalidate();
    private final SynchronousBundleListener bundleListener = event -> {
        if (BUNDLE_CHANGES.contains(event.getType())) {
            invalidate();
        }
    };
    /** Incremented by every change; a snapshot read under an older generation is stale. */
    private final AtomicLong generation = new AtomicLong();
    private final Object lock = new Object();
    private volatile @Nullable Cached cached;

    /** A snapshot and the generation it was read under. */
    private record Cached(ContributionReader.Snapshot snapshot, long generation) {
    }

    @Activate
    public ExtensionContributionRegistry(@Reference IExtensionRegistry registry, BundleContext context) {
        this.registry = registry;
        this.context = context;
        registry.addRegistryChangeListener(listener);
        context.addBundleListener(bundleListener);
    }

    @Deactivate
    void deactivate() {
        registry.removeRegistryChangeListener(listener);
        context.removeBundleListener(bundleListener);
    }

    private void invalidate() {
        generation.incrementAndGet();
    }

    private ContributionReader.Snapshot snapshot() {
        Cached c = cached;
        if (c != null && c.generation() == generation.get()) {
            return c.snapshot();
        }
        synchronized (lock) {
            c = cached;
            if (c != null && c.generation() == generation.get()) {
                return c.snapshot();
            }
            // Resolving bundles fires events that change the generation: do it first, then read
            // the generation, then the extension registry, so a change after that is not lost.
            List<ContributionProblem> unresolved = unresolvedBundles();
            long readAt = generation.get();
            ContributionReader.Snapshot read = ContributionReader.read(registry.getExtensionPoints());
            List<ContributionProblem> problems = new ArrayList<>(unresolved);
            problems.addAll(read.problems());
            List<Contribution> valid = new ArrayList<>();
            ContributionClasses classes = new ContributionClasses();
            for (Contribution contribution : read.contributions()) {
                IExtensionPoint point = registry.getExtensionPoint(contribution.extensionPoint());
                String problem = point == null ? null : classes.problem(contribution, point);
                if (problem == null) {
                    valid.add(contribution);
                } else {
                    problems.add(new ContributionProblem(contribution.extensionPoint(), contribution.bundle(),
                            contribution.kind(), contribution.id(), contribution.kind() + " '" + contribution.id() + "': "
                                    + problem));
                }
            }
            ContributionReader.Snapshot s = new ContributionReader.Snapshot(valid, problems, read.extensionPoints());
            logNew(s.problems(), c == null ? List.of() : c.snapshot().problems());
            cached = new Cached(s, readAt);
            return s;
        }
    }

    /** Logs the problems that the previous snapshot did not have. */
    private static void logNew(List<ContributionProblem> problems, List<ContributionProblem> known) {
        ILog log = ILog.of(ExtensionContributionRegistry.class);
        for (ContributionProblem p : problems) {
            if (!known.contains(p)) {
                log.log(Status.warning(p.extensionPoint().isEmpty() ? p.message()
                        : "Contribution left out: bundle " + p.bundle() + ", extension point " + p.extensionPoint()
                                + ": " + p.message()));
            }
        }
    }

    /** Installed bundles that cannot be resolved, with the framework's reason. */
    private List<ContributionProblem> unresolvedBundles() {
        List<Bundle> unresolved = Arrays.stream(context.getBundles())
                .filter(b -> b.getState() == Bundle.INSTALLED && b.getSymbolicName() != null)
                .sorted(Comparator.comparing(Bundle::getSymbolicName)).toList();
        if (unresolved.isEmpty()) {
            return List.of();
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
        wiring.resolveBundles(unresolved);
        List<ContributionProblem> problems = new ArrayList<>();
        for (Bundle b : unresolved) {
            if (b.getState() != Bundle.INSTALLED) {
                continue; // resolved now
            }
            problems.add(new ContributionProblem("", b.getSymbolicName(), "bundle " + b.getSymbolicName() + " "
                    + b.getVersion() + " (" + b.getLocation() + ") is installed but cannot be resolved, so it contributes nothing: "
                    + resolutionError(b)));
        }
        return problems;
    }

    /**
     * The framework's explanation: starting an unresolvable bundle fails with the missing
     * requirement. A fragment cannot be started: its problem is its host.
     */
    private static String resolutionError(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        if (revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
            return "it is a fragment and its host is missing or does not match (Fragment-Host: "
                    + b.getHeaders("").get(Constants.FRAGMENT_HOST) + ")";
        }
        if (b.getState() != Bundle.INSTALLED) {
            return "its requirements were not met when Descent looked";
        }
        try {
            b.start(Bundle.START_TRANSIENT | Bundle.START_ACTIVATION_POLICY);
            return "its requirements are not met";
        } catch (BundleException | IllegalStateException | SecurityException e) {
            return String.valueOf(e.getMessage()).strip().replaceAll("\\s+", " ");
        }
    }

    @Override
    public List<Contribution> contributions() {
        return snapshot().contributions();
    }

    @Override
    public List<Contribution> contributions(String extensionPointId) {
        return snapshot().contributions().stream().filter(c -> c.extensionPoint().equals(extensionPointId)).toList();
    }

    @Override
    public Optional<Contribution> find(String extensionPointId, String id) {
        return snapshot().contributions().stream()
                .filter(c -> c.extensionPoint().equals(extensionPointId) && c.id().equals(id)).findFirst();
    }

    @Override
    public List<ContributionProblem> problems() {
        return snapshot().problems();
    }

    @Override
    public List<String> extensionPoints() {
        return snapshot().extensionPoints();
    }

    @Override
    public <T> T createExecutable(Contribution contribution, Class<T> type) throws CoreException {
        if (contribution.className() == null) {
            throw new CoreException(Status.error(contribution.label() + " declares no 'class'"));
        }
        Object created;
        try {
            created = contribution.element().createExecutableExtension("class");
        } catch (CoreException | RuntimeException | LinkageError e) {
            // the plugin's own words in the message; the whole chain in the log
            Status status = new Status(IStatus.ERROR, BUNDLE, "cannot create " + contribution.label() + " from class "
                    + contribution.className() + ": " + PluginFault.describe(e), e);
            ILog.of(ExtensionContributionRegistry.class).log(status);
            throw new CoreException(status);
        }
        if (!type.isInstance(created)) {
            throw new CoreException(Status.error(contribution.label() + ": class " + contribution.className()
                    + " does not implement " + type.getName()));
        }
        return type.cast(created);
    }
}
