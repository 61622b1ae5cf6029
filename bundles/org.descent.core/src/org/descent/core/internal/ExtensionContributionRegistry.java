package org.descent.core.internal;

import java.util.List;
import java.util.Optional;

import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.ContributionRegistry;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IRegistryChangeListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.annotation.Nullable;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link ContributionRegistry} service over the Eclipse extension registry. The snapshot is
 * read on first use and read again after the extension registry changes (bundles installed or
 * removed at run time).
 */
@Component(service = ContributionRegistry.class)
public final class ExtensionContributionRegistry implements ContributionRegistry {

    private static final String BUNDLE = "org.descent.core";

    private final IExtensionRegistry registry;
    private final IRegistryChangeListener listener = event -> invalidate();
    private volatile ContributionReader.@Nullable Snapshot snapshot;

    @Activate
    public ExtensionContributionRegistry(@Reference IExtensionRegistry registry) {
        this.registry = registry;
        registry.addRegistryChangeListener(listener);
    }

    @Deactivate
    void deactivate() {
        registry.removeRegistryChangeListener(listener);
    }

    private void invalidate() {
        snapshot = null;
    }

    private ContributionReader.Snapshot snapshot() {
        ContributionReader.Snapshot s = snapshot;
        if (s == null) {
            s = ContributionReader.read(registry.getExtensionPoints());
            ILog log = ILog.of(ExtensionContributionRegistry.class);
            for (ContributionProblem p : s.problems()) {
                log.log(Status.warning("Contribution left out: bundle " + p.bundle() + ", extension point "
                        + p.extensionPoint() + ": " + p.message()));
            }
            snapshot = s;
        }
        return s;
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
            throw new CoreException(new Status(IStatus.ERROR, BUNDLE, "Cannot create " + contribution.label()
                    + " from class " + contribution.className() + ": " + e.getMessage(), e));
        }
        if (!type.isInstance(created)) {
            throw new CoreException(Status.error(contribution.label() + ": class " + contribution.className()
                    + " does not implement " + type.getName()));
        }
        return type.cast(created);
    }
}
