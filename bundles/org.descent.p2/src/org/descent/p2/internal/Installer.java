package org.descent.p2.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.descent.headless.UsageException;
import org.descent.p2.internal.PluginFolder.Installed;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IRequirement;

/**
 * What descent install, uninstall and installed do, for the command line and the workbench's
 * Install New Software and Installation Details: units of a p2 repository, with the bundles they
 * need that the product lacks, into the user's plugin folder, recorded there. Nothing is written
 * before every requirement is known to be met.
 */
public final class Installer {

    /** A unit a repository offers. */
    public record Unit(String id, String version) {
    }

    /** A unit installed into the plugin folder, with its jars. */
    public record Done(String id, String version, String repository, List<String> files) {
    }

    private final PluginFolder folder;

    private Installer(PluginFolder folder) {
        this.folder = folder;
    }

    /** The installer of the user's plugin folder (as the launcher reads it). */
    public static Installer standard() {
        return new Installer(PluginFolder.standard());
    }

    /** The user's plugin folder. */
    public java.nio.file.Path folder() {
        return folder.dir();
    }

    /**
     * The bundles of a repository that this Descent lacks.
     *
     * @throws UsageException naming the repository when it is none
     */
    public List<Unit> available(String repository, IProgressMonitor monitor) throws UsageException, IOException {
        Product product = Product.read(folder);
        try (Repository repo = Repository.load(repository, monitor)) {
            return repo.bundles(monitor).stream().filter(iu -> !product.hasBundle(iu.getId()))
                    .map(iu -> new Unit(iu.getId(), iu.getVersion().toString())).toList();
        }
    }

    /**
     * Installs units of a repository (none named: every bundle this Descent lacks).
     *
     * @throws UsageException naming the repository, unit or requirement that is wrong
     * @throws IOException when a download or the plugin folder fails
     */
    public List<Done> install(String repository, List<String> ids, IProgressMonitor monitor)
            throws UsageException, IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Installing from " + repository, 10);
        Product product = Product.read(folder);
        try (Repository repo = Repository.load(repository, progress.split(2))) {
            List<IInstallableUnit> roots = new ArrayList<>();
            List<String> offered = repo.bundles(progress).stream().map(IInstallableUnit::getId).toList();
            if (ids.isEmpty()) {
                for (IInstallableUnit iu : repo.bundles(progress)) {
                    if (!product.hasBundle(iu.getId())) {
                        roots.add(iu);
                    }
                }
                if (roots.isEmpty()) {
                    throw new UsageException(repository + " has no bundle that this Descent lacks (it has " + offered + ")");
                }
            } else {
                for (String id : ids) {
                    IInstallableUnit iu = repo.unit(id, progress);
                    if (iu == null) {
                        throw new UsageException("'" + id + "': " + repository + " has no unit with this id; its bundles: "
                                + offered);
                    }
                    if (!Repository.isBundle(iu)) {
                        throw new UsageException("'" + id + "' is not a bundle (a feature or a category): name the bundles"
                                + " it groups: " + offered);
                    }
                    roots.add(iu);
                }
            }
            Map<IInstallableUnit, List<IInstallableUnit>> plan = new LinkedHashMap<>();
            for (IInstallableUnit root : roots) {
                plan.put(root, closure(root, product, repo, progress));
            }
            List<Installed> before = folder.installed();
            Set<String> replaced = new LinkedHashSet<>();
            roots.forEach(r -> replaced.add(r.getId()));
            List<Installed> after = new ArrayList<>(before.stream().filter(u -> !replaced.contains(u.id())).toList());
            Files.createDirectories(folder.dir());
            List<Done> done = new ArrayList<>();
            SubMonitor downloads = progress.split(8).setWorkRemaining(plan.size());
            for (Map.Entry<IInstallableUnit, List<IInstallableUnit>> e : plan.entrySet()) {
                List<String> files = new ArrayList<>();
                for (IInstallableUnit iu : e.getValue()) {
                    String name = iu.getId() + "_" + iu.getVersion() + ".jar";
                    repo.download(iu, folder.dir().resolve(name), downloads);
                    files.add(name);
                }
                downloads.worked(1);
                IInstallableUnit root = e.getKey();
                Installed unit = new Installed(root.getId(), root.getVersion().toString(), repo.location().toString(), files);
                after.add(unit);
                done.add(new Done(unit.id(), unit.version(), unit.repository(), unit.files()));
            }
            removeUnreferenced(before, after);
            folder.write(after);
            return done;
        }
    }

    /** The units installed so far. */
    public List<Done> installed() throws IOException {
        return folder.installed().stream().map(u -> new Done(u.id(), u.version(), u.repository(), u.files())).toList();
    }

    /**
     * Removes installed units with the bundles installed for them that no other unit needs.
     *
     * @throws UsageException naming a unit that descent install did not install
     */
    public void uninstall(List<String> ids) throws UsageException, IOException {
        List<Installed> before = folder.installed();
        List<Installed> after = new ArrayList<>(before);
        for (String id : ids) {
            if (!after.removeIf(u -> u.id().equals(id))) {
                throw new UsageException("'" + id + "' was not installed by descent install into " + folder.dir()
                        + " (installed: " + before.stream().map(Installed::id).toList() + ")");
            }
        }
        removeUnreferenced(before, after);
        folder.write(after);
    }

    /** The jars in the plugin folder that no installed unit lists (copied there by hand). */
    public List<String> copiedByHand() throws IOException {
        Set<String> listed = new LinkedHashSet<>();
        folder.installed().forEach(u -> listed.addAll(u.files()));
        return folder.jars().stream().map(p -> p.getFileName().toString()).filter(f -> !listed.contains(f)).toList();
    }

    /**
     * The unit and the bundles of the repository it needs that the product lacks, the unit first.
     *
     * @throws UsageException naming the unit and the requirement that nothing meets
     */
    private static List<IInstallableUnit> closure(IInstallableUnit root, Product product, Repository repo,
            IProgressMonitor monitor) throws UsageException {
        Set<IInstallableUnit> out = new LinkedHashSet<>();
        Deque<IInstallableUnit> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            IInstallableUnit iu = todo.pop();
            if (!out.add(iu)) {
                continue;
            }
            for (IRequirement r : iu.getRequirements()) {
                if (r.getMin() == 0 || product.meets(r) || out.stream().anyMatch(u -> u.satisfies(r))) {
                    continue;
                }
                IInstallableUnit provider = repo.provider(r, monitor);
                if (provider == null) {
                    throw new UsageException(iu.getId() + " " + iu.getVersion() + " requires " + r
                            + ", which neither this Descent nor " + repo.location() + " has");
                }
                todo.add(provider);
            }
        }
        return new ArrayList<>(out);
    }

    /** Deletes the jars of the units replaced or removed that no remaining unit lists. */
    private void removeUnreferenced(List<Installed> before, List<Installed> after) throws IOException {
        Set<String> kept = new LinkedHashSet<>();
        after.forEach(u -> kept.addAll(u.files()));
        for (Installed u : before) {
            for (String f : u.files()) {
                if (!kept.contains(f)) {
                    Files.deleteIfExists(folder.dir().resolve(f));
                }
            }
        }
    }
}
