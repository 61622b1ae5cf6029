package org.descent.testing.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Driving and capturing SWT widgets on the UI thread, without SWTBot (for UI test bundles; needs SWT). */
public final class Widgets {

    private Widgets() {
    }

    /** Runs the event loop for a while so that layouts, paints and async runnables happen. */
    public static void spin(long millis) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Runs the event loop until a condition holds, failing with what was awaited when it does not
     * within the timeout (a wait on state, not on time).
     */
    public static void spinUntil(BooleanSupplier condition, long timeoutMs, String what) {
        spinUntil(condition, timeoutMs, () -> what);
    }

    /** As {@link #spinUntil(BooleanSupplier, long, String)}, with what was awaited computed when it failed. */
    public static void spinUntil(BooleanSupplier condition, long timeoutMs, Supplier<String> what) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out after " + timeoutMs + " ms waiting until " + what.get());
            }
            // every pending event, then the async runnables (SWT runs those only once no event is left)
            while (display.readAndDispatch() && System.currentTimeMillis() <= end) {
                // dispatched one
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting until " + what.get(), e);
            }
        }
    }

    /** Every control of a type below (and including) root, in tree order. */
    public static <T extends Control> List<T> findAll(Control root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T extends Control> void collect(Control c, Class<T> type, List<T> found) {
        if (type.isInstance(c) && c.isVisible()) {
            found.add(type.cast(c));
        }
        if (c instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, found);
            }
        }
    }

    /**
     * Saves what the screen shows of a shell as PNG under the screenshot folder (the system
     * property {@code descent.screenshots}, else target/screenshots).
     *
     * @return the file and the captured image data
     */
    public static ImageData screenshot(Shell shell, String name) throws IOException {
        ImageData data = capture(shell);
        Path dir = Path.of(System.getProperty("descent.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        loader.save(dir.resolve(name).toString(), SWT.IMAGE_PNG);
        return data;
    }

    /** What the screen shows of a shell. */
    public static ImageData capture(Shell shell) {
        spin(300);
        Display display = shell.getDisplay();
        // The shell's bounds can include window-manager trim that is not drawn (no window manager
        // under Xvfb): capture from the shell's top to the bottom of its client area.
        Rectangle outer = shell.getBounds();
        Rectangle client = display.map(shell, null, shell.getClientArea());
        Rectangle b = new Rectangle(outer.x, outer.y, outer.width, client.y + client.height - outer.y);
        Image image = new Image(display, b.width, b.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, b.x, b.y);
        } finally {
            gc.dispose();
        }
        ImageData data = image.getImageData();
        image.dispose();
        return data;
    }

    /** How many distinct pixel values an image has: a blank capture has one or two. */
    public static int distinctPixels(ImageData data) {
        return distinctPixels(data, new Rectangle(0, 0, data.width, data.height), 3);
    }

    /** Distinct pixel values inside a rectangle of the image, sampling every {@code step} pixels. */
    public static int distinctPixels(ImageData data, Rectangle r, int step) {
        java.util.Set<Integer> values = new java.util.HashSet<>();
        for (int y = Math.max(0, r.y); y < Math.min(data.height, r.y + r.height); y += step) {
            for (int x = Math.max(0, r.x); x < Math.min(data.width, r.x + r.width); x += step) {
                values.add(data.getPixel(x, y));
            }
        }
        return values.size();
    }
}
