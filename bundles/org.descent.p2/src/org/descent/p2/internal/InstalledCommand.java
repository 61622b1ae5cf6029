package org.descent.p2.internal;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.descent.core.Json;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.p2.internal.PluginFolder.Installed;

/** {@code descent installed}: the units descent install put into the plugin folder, and the other jars there. */
public final class InstalledCommand implements Command {

    @Override
    public int run(CommandContext c) throws Exception {
        PluginFolder folder = PluginFolder.standard();
        List<Installed> units = folder.installed();
        if (c.has("json")) {
            c.out().println(Json.write(units.stream().map(Installed::json).toList()));
            return OK;
        }
        Set<String> listed = new LinkedHashSet<>();
        if (units.isEmpty()) {
            c.out().println("nothing installed by descent install in " + folder.dir());
        }
        for (Installed u : units) {
            c.out().println(u.id() + " " + u.version() + "  from " + u.repository() + "  (" + String.join(", ", u.files())
                    + ")");
            listed.addAll(u.files());
        }
        for (Path jar : folder.jars()) {
            if (!listed.contains(jar.getFileName().toString())) {
                c.out().println(jar.getFileName() + "  (copied into " + folder.dir() + " by hand)");
            }
        }
        return OK;
    }
}
