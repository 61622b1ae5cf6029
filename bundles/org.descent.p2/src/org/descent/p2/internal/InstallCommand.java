package org.descent.p2.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.descent.core.Json;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.descent.p2.internal.PluginFolder.Installed;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IRequirement;

/**
 * {@code descent install REPOSITORY [IU...]}: the units and the bundles they need that the product
 * lacks, from a p2 repository into the user's plugin folder, recorded there for {@code installed}
 * and {@code uninstall}. Nothing is written before every requirement is known to be met.
 */
public final class InstallCommand implements Command {

    @Override
    public int run(CommandContext c) throws Exception {
        List<String> args = c.arguments();
        if (args.isEmpty()) {
            throw new UsageException("name a p2 repository (a URL or a folder) and, if you like, the units to install");
        }
        PluginFolder folder = PluginFolder.standard();
        Product product = Product.read(folder);
        NullProgressMonitor monitor = new NullProgressMonitor();
        try (Repository repo = Repository.load(args.get(0), monitor)) {
            List<IInstallableUnit> roots = new ArrayList<>();
            if (args.size() == 1) {
                for (IInstallableUnit iu : repo.bundles(monitor)) {
                    if (!product.hasBundle(iu.getId())) {
                        roots.add(iu);
                    }
                }
                if (roots.isEmpty()) {
                    throw new UsageException(args.get(0) + " has no bundle that this Descent lacks (it has "
                            + repo.bundles(monitor).stream().map(IInstallableUnit::getId).toList() + ")");
                }
            } else {
                for (String id : args.subList(1, args.size())) {
                    IInstallableUnit iu = repo.unit(id, monitor);
                    if (iu == null) {
                        throw new UsageException("'" + id + "': " + args.get(0) + " has no unit with this id; its bundles: "
                                + repo.bundles(monitor).stream().map(IInstallableUnit::getId).toList());
                    }
                    if (!Repository.isBundle(iu)) {
                        throw new UsageException("'" + id + "' is not a bundle (a feature or a category): name the bundles"
                                + " it groups: " + repo.bundles(monitor).stream().map(IInstallableUnit::getId).toList());
                    }
                    roots.add(iu);
                }
            }
            List<Installed> before = folder.installed();
            List<Installed> after = new ArrayList<>();
            Set<String> roots0 = new LinkedHashSet<>();
            roots.forEach(r -> roots0.add(r.getId()));
            before.stream().filter(u -> !roots0.contains(u.id())).forEach(after::add);
            Map<IInstallableUnit, List<IInstallableUnit>> plan = new LinkedHashMap<>();
            for (IInstallableUnit root : roots) {
                plan.put(root, closure(root, product, repo, monitor));
            }
            Files.createDirectories(folder.dir());
            List<Object> json = new ArrayList<>();
            for (Map.Entry<IInstallableUnit, List<IInstallableUnit>> e : plan.entrySet()) {
                List<String> files = new ArrayList<>();
                for (IInstallableUnit iu : e.getValue()) {
                    String name = iu.getId() + "_" + iu.getVersion() + ".jar";
                    repo.download(iu, folder.dir().resolve(name), monitor);
                    files.add(name);
                }
                IInstallableUnit root = e.getKey();
                after.add(new Installed(root.getId(), root.getVersion().toString(), repo.location().toString(), files));
                Map<String, Object> m = Repository.json(root);
                m.put("files", files);
                json.add(m);
                if (!c.has("json")) {
                    c.out().println("installed " + root.getId() + " " + root.getVersion() + " (" + String.join(", ", files)
                            + ")");
                }
            }
            removeUnreferenced(folder, before, after);
            folder.write(after);
            if (c.has("json")) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("repository", repo.location().toString());
                out.put("folder", folder.dir().toString());
                out.put("installed", json);
                c.out().println(Json.write(out));
            } else {
                c.out().println("into " + folder.dir() + "; Descent loads them at its next start");
            }
        }
        return OK;
    }

    /**
     * The unit and the bundles of the repository it needs that the product lacks, the unit first.
     *
     * @throws UsageException naming the unit and the requirement that nothing meets
     */
    static List<IInstallableUnit> closure(IInstallableUnit root, Product product, Repository repo,
            NullProgressMonitor monitor) throws UsageException {
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
    static void removeUnreferenced(PluginFolder folder, List<Installed> before, List<Installed> after)
            throws java.io.IOException {
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
