package org.descent.p2.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Json;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.eclipse.core.runtime.NullProgressMonitor;

/** {@code descent install REPOSITORY [IU...]}, through {@link Installer}. */
public final class InstallCommand implements Command {

    @Override
    public int run(CommandContext c) throws Exception {
        List<String> args = c.arguments();
        if (args.isEmpty()) {
            throw new UsageException("name a p2 repository (a URL or a folder) and, if you like, the units to install");
        }
        Installer installer = Installer.standard();
        List<Installer.Done> done = installer.install(args.get(0), args.subList(1, args.size()), new NullProgressMonitor());
        if (c.has("json")) {
            List<Object> units = new ArrayList<>();
            for (Installer.Done d : done) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", d.id());
                m.put("version", d.version());
                m.put("files", d.files());
                units.add(m);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("repository", done.isEmpty() ? args.get(0) : done.get(0).repository());
            out.put("folder", installer.folder().toString());
            out.put("installed", units);
            c.out().println(Json.write(out));
        } else {
            for (Installer.Done d : done) {
                c.out().println("installed " + d.id() + " " + d.version() + " (" + String.join(", ", d.files()) + ")");
            }
            c.out().println("into " + installer.folder() + "; Descent loads them at its next start");
        }
        return OK;
    }
}
