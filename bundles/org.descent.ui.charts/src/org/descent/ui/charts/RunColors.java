package org.descent.ui.charts;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A colour per run (or per group of runs) derived from its identity, so a run has the same colour
 * in every view: the FNV-1a hash of the name picks one of {@value #COUNT} hues spaced around the
 * colour wheel, at a saturation and brightness that read on white. Two names whose hashes pick the
 * same hue, or neighbouring hues, do not share them while other hues are free: the first name
 * asked for keeps its hashed hue and the next one takes a free hue at least two steps from the
 * held ones ({@link #choose}), once for the whole workbench session (one table for every view). A run alone
 * keeps its hashed hue from one session to the next. No SWT: colours are {@code 0xRRGGBB}.
 */
public final class RunColors {

    /** How many distinct colours there are. */
    public static final int COUNT = 16;

    /** The hue each name was given, and how many names hold each hue; guarded by the class. */
    private static final Map<String, Integer> GIVEN = new HashMap<>();
    private static final int[] HOLDERS = new int[COUNT];

    private RunColors() {
    }

    /**
     * The colour of a run or group named {@code identity}, as {@code 0xRRGGBB}: the colour
     * {@link #choose} picks for its hashed hue, kept for the session.
     */
    public static int of(String identity) {
        return byIndex(assigned(identity));
    }

    /** Which of the {@value #COUNT} colours {@link #of} gives {@code identity} this session. */
    public static synchronized int assigned(String identity) {
        Integer given = GIVEN.get(identity);
        if (given != null) {
            return given;
        }
        int best = choose(index(identity), HOLDERS);
        HOLDERS[best]++;
        GIVEN.put(identity, best);
        return best;
    }

    /**
     * The hue a new name gets, given how many names hold each of the {@value #COUNT} hues: the
     * {@code hashed} hue while it and its two neighbours are free, otherwise the first free hue after
     * it around the wheel that is at least two steps from every held hue, or failing that one as far
     * from them as any free hue is. Once every hue is held, the least held ones count as free.
     */
    public static int choose(int hashed, int[] holders) {
        int least = Integer.MAX_VALUE;
        for (int h : holders) {
            least = Math.min(least, h);
        }
        int best = hashed;
        int bestDistance = -1;
        for (int step = 0; step < COUNT; step++) {
            int i = (hashed + step) % COUNT;
            if (holders[i] != least) {
                continue;
            }
            // neighbouring hues (22.5 degrees apart) are hard to tell apart in a legend; two steps read
            int distance = Math.min(2, distanceToHeld(i, least, holders));
            if (distance > bestDistance) {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Steps around the wheel from hue {@code i} to the nearest hue held more than {@code least} times. */
    private static int distanceToHeld(int i, int least, int[] holders) {
        for (int d = 1; d <= COUNT / 2; d++) {
            if (holders[(i + d) % COUNT] > least || holders[Math.floorMod(i - d, COUNT)] > least) {
                return d;
            }
        }
        return COUNT;
    }

    /** The {@code i}-th of the {@value #COUNT} colours, as {@code 0xRRGGBB}. */
    public static int byIndex(int i) {
        return hsv(Math.floorMod(i, COUNT) * 360.0 / COUNT, 0.75, 0.72);
    }

    /** Which of the {@value #COUNT} colours {@code identity} hashes to (its colour when no other name holds it). */
    public static int index(String identity) {
        int h = 0x811c9dc5;
        for (byte b : identity.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x01000193;
        }
        return Math.floorMod(h, COUNT);
    }

    /** A colour from hue (degrees), saturation and value in [0, 1], as {@code 0xRRGGBB}. */
    static int hsv(double hue, double s, double v) {
        double h = ((hue % 360) + 360) % 360 / 60;
        int i = (int) Math.floor(h);
        double f = h - i;
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        double[] rgb = switch (i) {
        case 0 -> new double[] { v, t, p };
        case 1 -> new double[] { q, v, p };
        case 2 -> new double[] { p, v, t };
        case 3 -> new double[] { p, q, v };
        case 4 -> new double[] { t, p, v };
        default -> new double[] { v, p, q };
        };
        return (channel(rgb[0]) << 16) | (channel(rgb[1]) << 8) | channel(rgb[2]);
    }

    private static int channel(double c) {
        return (int) Math.round(Math.max(0, Math.min(1, c)) * 255);
    }

    /** {@code rgb} mixed with white: {@code amount} 0 keeps it, 1 gives white (a faint copy of a curve). */
    public static int faint(int rgb, double amount) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return (mix(r, amount) << 16) | (mix(g, amount) << 8) | mix(b, amount);
    }

    private static int mix(int c, double amount) {
        return (int) Math.round(c + (255 - c) * amount);
    }
}
