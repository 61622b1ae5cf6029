package org.descent.p2.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.headless.UsageException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IRequirement;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * A p2 repository read through p2's own repository managers (metadata and artifacts, ECF's file
 * transfer for http, https and file URLs), in a provisioning agent of the user's cache; closes the
 * agent when closed.
 */
final class Repository implements AutoCloseable {

    private final IProvisioningAgent agent;
    private final URI location;
    private final IMetadataRepository metadata;
    private final IArtifactRepository artifacts;

    private Repository(IProvisioningAgent agent, URI location, IMetadataRepository metadata, IArtifactRepository artifacts) {
        this.agent = agent;
        this.location = location;
        this.metadata = metadata;
        this.artifacts = artifacts;
    }

    /**
     * Loads the repository named on the command line: a URL, or a folder.
     *
     * @throws UsageException naming it when it is no p2 repository
     */
    static Repository load(String given, IProgressMonitor monitor) throws UsageException, IOException {
        URI uri = uri(given);
        BundleContext context = FrameworkUtil.getBundle(Repository.class).getBundleContext();
        ServiceReference<IProvisioningAgentProvider> ref = context == null ? null
                : context.getServiceReference(IProvisioningAgentProvider.class);
        IProvisioningAgentProvider provider = ref == null ? null : context.getService(ref);
        if (provider == null) {
            throw new IOException("p2's agent provider (bundle org.eclipse.equinox.p2.core) is not running");
        }
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "descent", "p2");
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            cache = Path.of(xdg, "descent", "p2");
        }
        Files.createDirectories(cache);
        IProvisioningAgent agent;
        try {
            agent = provider.createAgent(cache.toUri());
        } catch (ProvisionException e) {
            throw new IOException("p2 cannot start an agent in " + cache + ": " + e.getMessage(), e);
        }
        try {
            IMetadataRepositoryManager mrm = agent.getService(IMetadataRepositoryManager.class);
            IArtifactRepositoryManager arm = agent.getService(IArtifactRepositoryManager.class);
            if (mrm == null || arm == null) {
                throw new IOException("p2's repository managers are not available (bundles org.eclipse.equinox.p2.*"
                        + ".repository)");
            }
            IMetadataRepository m;
            IArtifactRepository a;
            try {
                m = mrm.loadRepository(uri, monitor);
                a = arm.loadRepository(uri, monitor);
            } catch (ProvisionException e) {
                throw new UsageException("'" + given + "' is not a p2 repository that can be read: " + e.getMessage());
            }
            return new Repository(agent, uri, m, a);
        } catch (UsageException | IOException | RuntimeException e) {
            agent.stop();
            throw e;
        }
    }

    private static URI uri(String given) throws UsageException {
        if (given.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*") && given.contains(":/")) {
            try {
                return URI.create(given);
            } catch (IllegalArgumentException e) {
                throw new UsageException("'" + given + "' is not a URL: " + e.getMessage());
            }
        }
        try {
            Path dir = Path.of(given).toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                throw new UsageException("'" + given + "' is neither a URL nor a folder (a p2 repository holds"
                        + " content.xml or content.jar and artifacts.xml or artifacts.jar)");
            }
            return dir.toUri();
        } catch (InvalidPathException e) {
            throw new UsageException("'" + given + "' is not a path: " + e.getMessage());
        }
    }

    URI location() {
        return location;
    }

    /** The newest unit with this id, if the repository has one. */
    IInstallableUnit unit(String id, IProgressMonitor monitor) {
        return metadata.query(QueryUtil.createLatestQuery(QueryUtil.createIUQuery(id)), monitor).toUnmodifiableSet()
                .stream().findFirst().orElse(null);
    }

    /** The newest version of each bundle unit (one with an osgi.bundle artifact; source bundles left out). */
    List<IInstallableUnit> bundles(IProgressMonitor monitor) {
        List<IInstallableUnit> out = new ArrayList<>();
        for (IInstallableUnit iu : metadata.query(QueryUtil.createLatestIUQuery(), monitor).toUnmodifiableSet()) {
            if (isBundle(iu) && !iu.getId().endsWith(".source")) {
                out.add(iu);
            }
        }
        out.sort(Comparator.comparing(IInstallableUnit::getId));
        return out;
    }

    static boolean isBundle(IInstallableUnit iu) {
        return iu.getArtifacts().stream().anyMatch(k -> "osgi.bundle".equals(k.getClassifier()));
    }

    /** The newest bundle unit that meets a requirement, or null. */
    IInstallableUnit provider(IRequirement requirement, IProgressMonitor monitor) {
        return metadata.query(QueryUtil.createMatchQuery(requirement.getMatches()), monitor).toUnmodifiableSet().stream()
                .filter(Repository::isBundle).max(Comparator.comparing(IInstallableUnit::getVersion)).orElse(null);
    }

    /**
     * Downloads a bundle unit's jar into {@code target}.
     *
     * @throws IOException naming the unit and p2's reason when it fails
     */
    void download(IInstallableUnit iu, Path target, IProgressMonitor monitor) throws IOException {
        IArtifactKey key = iu.getArtifacts().stream().filter(k -> "osgi.bundle".equals(k.getClassifier())).findFirst()
                .orElseThrow(() -> new IOException(iu.getId() + " " + iu.getVersion() + " has no bundle artifact"));
        IArtifactDescriptor[] descriptors = artifacts.getArtifactDescriptors(key);
        if (descriptors.length == 0) {
            throw new IOException(location + " lists " + key + " in its metadata but has no such artifact");
        }
        // the canonical form (no processing steps such as pack200) first
        IArtifactDescriptor d = java.util.Arrays.stream(descriptors).filter(x -> x.getProcessingSteps().length == 0)
                .findFirst().orElse(descriptors[0]);
        Path tmp = Files.createTempFile(target.getParent(), ".download", ".jar");
        try {
            IStatus status;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                status = artifacts.getArtifact(d, out, monitor);
            }
            if (!status.isOK() && status.getSeverity() != IStatus.WARNING) {
                throw new IOException("downloading " + key.getId() + " " + key.getVersion() + " from " + location
                        + " failed: " + status.getMessage());
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The unit as JSON, for --json. */
    static Map<String, Object> json(IInstallableUnit iu) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", iu.getId());
        m.put("version", iu.getVersion().toString());
        return m;
    }

    @Override
    public void close() {
        agent.stop();
    }
}
