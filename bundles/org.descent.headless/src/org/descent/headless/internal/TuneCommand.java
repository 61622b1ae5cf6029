package org.descent.headless.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.descent.compute.Conv2dShape;
import org.descent.compute.Device;
import org.descent.compute.Ops;
import org.descent.compute.Tuning;
import org.descent.core.Json;
import org.descent.core.Precision;
import org.descent.headless.Command;
import org.descent.headless.CommandContext;
import org.descent.headless.UsageException;

/**
 * {@code descent tune [--device D] [--threads N] [--precision P] [--autotune on|off] [--json]}:
 * runs the convolutions of the standard models on the device, so that it tunes them (or loads
 * their tuning), and prints what it measured and chose.
 */
public final class TuneCommand implements Command {

    /** The batches the standard shapes are tuned at. */
    private static final int[] BATCHES = { 16, 128 };

    /** A standard model's convolutions at a batch: (channels in, size, channels out, stride) each. */
    private record Model(String name, int[][] convolutions) {
    }

    /**
     * The digits CNN ({@code cnn:channels=8-16}: 3x3 same convolutions, 2x2 pooling after each, on
     * 1x8x8) and ResNet-20 (a 3x3 stem, then 16, 32 and 64 channels on 32, 16 and 8 pixels, the
     * first convolution of the later stages with stride 2).
     */
    private static final List<Model> MODELS = List.of(
            new Model("digits-cnn", new int[][] { { 1, 8, 8, 1 }, { 8, 4, 16, 1 } }),
            new Model("resnet-20", new int[][] { { 3, 32, 16, 1 }, { 16, 32, 16, 1 }, { 16, 32, 32, 2 },
                    { 32, 16, 32, 1 }, { 32, 16, 64, 2 }, { 64, 8, 64, 1 } }));

    @Override
    public int run(CommandContext context) throws Exception {
        Device device = DeviceOption.resolve(context);
        String p = context.option("precision").orElse("fp32").strip();
        Precision precision = Precision.fromId(p);
        if (precision != Precision.FP32 && precision != Precision.FP64) {
            throw new UsageException("option '--precision': expected fp32 or fp64, got '" + p + "'");
        }
        if (!device.supports(precision)) {
            throw new UsageException("option '--precision': device " + device.id() + " does not compute in " + p);
        }
        Ops ops = device.ops(precision);
        List<Map<String, Object>> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Model m : MODELS) {
            for (int batch : BATCHES) {
                for (int[] c : m.convolutions()) {
                    ops.tuneConv2d(new Conv2dShape(batch, c[0], c[1], c[1], c[2], 3, c[3], 1));
                }
                for (Tuning t : device.tunings()) {
                    if (seen.add(t.operation() + " " + t.shape())) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("model", m.name());
                        row.put("batch", batch);
                        row.put("operation", t.operation());
                        row.put("shape", t.shape());
                        row.put("gflops", t.gflops());
                        row.put("choice", t.choice());
                        row.put("cached", t.cached());
                        rows.add(row);
                    }
                }
            }
        }
        if (context.has("json")) {
            context.out().println(Json.write(rows));
            return OK;
        }
        context.out().println("Tuning of " + device.id() + " (" + device.name() + "; " + device.driver() + "), "
                + precision.id() + ", " + (device.autotune() ? "autotune on" : "autotune off: the fixed defaults"));
        if (rows.isEmpty()) {
            context.out().println("This device has no candidate implementations to choose from.");
            return OK;
        }
        for (Map<String, Object> r : rows) {
            @SuppressWarnings("unchecked")
            Map<String, Double> gflops = (Map<String, Double>) r.get("gflops");
            String measured = gflops.isEmpty() ? "not measured"
                    : gflops.entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", ")) + " GFLOP/s";
            context.out().println(String.format(Locale.ROOT, "%-10s %-3s %-20s %s", r.get("model"), r.get("batch"),
                    r.get("operation"), r.get("shape")));
            context.out().println("    " + measured);
            context.out().println("    choice " + r.get("choice") + ((Boolean) r.get("cached") ? " (cached)" : ""));
        }
        return OK;
    }
}
