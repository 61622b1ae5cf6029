package org.descent.p2.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Json;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;

/** {@code descent installed}, through {@link Installer}. */
public final class InstalledCommand implements Command {

    @Override
    public int run(CommandContext c) throws Exception {
        Installer installer = Installer.standard();
        List<Installer.Done> units = installer.installed();
        if (c.has("json")) {
            c.out().println(Json.write(units.stream().map(d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", d.id());
                m.put("version", d.version());
                m.put("repository", d.repository());
                m.put("files", d.files());
                return m;
            }).toList()));
            return OK;
        }
        if (units.isEmpty()) {
            c.out().println("nothing installed by descent install in " + installer.folder());
        }
        for (Installer.Done d : units) {
            c.out().println(d.id() + " " + d.version() + "  from " + d.repository() + "  (" + String.join(", ", d.files())
                    + ")");
        }
        for (String jar : installer.copiedByHand()) {
            c.out().println(jar + "  (copied into " + installer.folder() + " by hand)");
        }
        return OK;
    }
}
