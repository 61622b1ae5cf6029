package org.descent.headless.internal;

import org.descent.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;

import org.descent.core.Descent;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;

/** {@code descent version} and {@code descent --version}. */
public final class VersionCommand implements Command {

    @Override
    public int run(CommandContext context) {
        if (context.has("json")) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("name", "Descent");
            v.put("version", Descent.version());
            v.put("java", System.getProperty("java.runtime.version", System.getProperty("java.version")));
            v.put("javaVendor", System.getProperty("java.vendor"));
            v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            v.put("arch", System.getProperty("os.arch"));
            v.put("processors", Runtime.getRuntime().availableProcessors());
            context.out().println(Json.write(v));
        } else {
            context.out().println("Descent " + Descent.displayVersion());
            context.out().println(Descent.runtime());
        }
        return OK;
    }
}
