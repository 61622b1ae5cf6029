package org.descent.p2.internal;

import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;

/** {@code descent uninstall IU...}, through {@link Installer}. */
public final class UninstallCommand implements Command {

    @Override
    public int run(CommandContext c) throws Exception {
        if (c.arguments().isEmpty()) {
            throw new UsageException("name the units to uninstall (descent installed lists them)");
        }
        Installer installer = Installer.standard();
        installer.uninstall(c.arguments());
        c.out().println("uninstalled " + String.join(", ", c.arguments()) + " from " + installer.folder()
                + "; Descent leaves them out at its next start");
        return OK;
    }
}
