package org.descent.p2.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;
import org.descent.p2.internal.PluginFolder.Installed;

/** {@code descent uninstall IU...}: what descent install put into the plugin folder, removed. */
public final class UninstallCommand implements Command {

    @Override
    public int run(CommandContext c) throws Exception {
        if (c.arguments().isEmpty()) {
            throw new UsageException("name the units to uninstall (descent installed lists them)");
        }
        PluginFolder folder = PluginFolder.standard();
        List<Installed> before = folder.installed();
        List<Installed> after = new ArrayList<>(before);
        for (String id : c.arguments()) {
            if (!after.removeIf(u -> u.id().equals(id))) {
                throw new UsageException("'" + id + "' was not installed by descent install into " + folder.dir()
                        + " (installed: " + before.stream().map(Installed::id).toList() + ")");
            }
        }
        InstallCommand.removeUnreferenced(folder, before, after);
        folder.write(after);
        c.out().println("uninstalled " + String.join(", ", c.arguments()) + " from " + folder.dir()
                + "; Descent leaves them out at its next start");
        return OK;
    }
}
