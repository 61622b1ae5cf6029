package org.descent.headless.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.compute.Availability;
import org.descent.compute.Backend;
import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.core.Json;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;

/** {@code descent devices [--json]}: every compute backend and device, with its availability. */
public final class DevicesCommand implements Command {

    @Override
    public int run(CommandContext context) {
        List<Backend> backends = Backends.find(DevicesCommand.class);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Backend b : backends) {
            Map<String, Object> m = new LinkedHashMap<>();
            Availability a = b.availability();
            m.put("backend", b.id());
            m.put("name", b.name());
            m.put("available", a.available());
            m.put("reason", a.reason());
            List<Map<String, Object>> devices = new ArrayList<>();
            for (Device d : b.devices()) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("id", d.id());
                dm.put("name", d.name());
                dm.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
                dm.put("driver", d.driver());
                dm.put("memory_bytes", d.memoryBytes());
                dm.put("compute_units", d.computeUnits());
                dm.put("threads", d.threads());
                dm.put("fp64", d.supports(org.descent.core.Precision.FP64));
                devices.add(dm);
            }
            m.put("devices", devices);
            rows.add(m);
        }
        if (context.has("json")) {
            context.out().println(Json.write(rows));
            return OK;
        }
        if (rows.isEmpty()) {
            context.out().println("No compute backends are installed.");
            return OK;
        }
        for (Map<String, Object> b : rows) {
            boolean available = (Boolean) b.get("available");
            context.out().println(b.get("backend") + "  " + b.get("name") + "  "
                    + (available ? "available" : "not available: " + b.get("reason")));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> devices = (List<Map<String, Object>>) b.get("devices");
            for (Map<String, Object> d : devices) {
                context.out().println(String.format(Locale.ROOT, "  %-10s %s (%s)", d.get("id"), d.get("name"),
                        d.get("kind")));
                context.out().println(String.format(Locale.ROOT, "             driver %s", d.get("driver")));
                context.out().println(String.format(Locale.ROOT,
                        "             memory %.1f GiB, %d compute units, %s%s", (Long) d.get("memory_bytes") / 1073741824.0,
                        d.get("compute_units"), (Integer) d.get("threads") > 0 ? d.get("threads") + " threads, " : "",
                        (Boolean) d.get("fp64") ? "fp32 and fp64" : "fp32 only"));
            }
        }
        context.out().println("--device auto uses the first GPU or accelerator of an available backend, else the cpu.");
        return OK;
    }
}
