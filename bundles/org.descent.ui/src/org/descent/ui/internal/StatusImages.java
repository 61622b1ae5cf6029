package org.descent.ui.internal;

import java.util.EnumMap;
import java.util.Map;

import org.descent.core.RunStatus;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Display;

/**
 * Small status icons drawn with SWT, one distinct colour and shape per run status: a blue
 * triangle (running), green disc (done), red triangle with a bar (diverged), grey square
 * (cancelled), orange pause bars (interrupted), red disc with a cross (failed), grey ring
 * (created). Owned by the view that made them: dispose them with it.
 */
final class StatusImages {

    private static final int SIZE = 16;
    private static final RGB KEY = new RGB(255, 0, 255);

    private final Map<RunStatus, Image> images = new EnumMap<>(RunStatus.class);

    StatusImages(Display display) {
        for (RunStatus s : RunStatus.values()) {
            images.put(s, draw(display, s));
        }
    }

    Image get(RunStatus status) {
        return images.get(status);
    }

    void dispose() {
        images.values().forEach(Image::dispose);
        images.clear();
    }

    private static Image draw(Display display, RunStatus status) {
        Image canvas = new Image(display, SIZE, SIZE);
        GC gc = new GC(canvas);
        Color key = new Color(KEY);
        gc.setBackground(key);
        gc.fillRectangle(0, 0, SIZE, SIZE);
        gc.setAntialias(SWT.OFF);
        switch (status) {
        case RUNNING -> {
            gc.setBackground(new Color(30, 110, 220));
            gc.fillPolygon(new int[] { 3, 2, 14, 8, 3, 14 });
        }
        case DONE -> {
            gc.setBackground(new Color(40, 160, 60));
            gc.fillOval(2, 2, 12, 12);
            gc.setForeground(new Color(255, 255, 255));
            gc.setLineWidth(2);
            gc.drawPolyline(new int[] { 5, 8, 7, 11, 11, 5 });
        }
        case DIVERGED -> {
            gc.setBackground(new Color(210, 40, 40));
            gc.fillPolygon(new int[] { 8, 1, 15, 14, 1, 14 });
            gc.setBackground(new Color(255, 255, 255));
            gc.fillRectangle(7, 5, 2, 5);
            gc.fillRectangle(7, 11, 2, 2);
        }
        case CANCELLED -> {
            gc.setBackground(new Color(120, 120, 120));
            gc.fillRectangle(3, 3, 10, 10);
        }
        case INTERRUPTED -> {
            gc.setBackground(new Color(235, 140, 20));
            gc.fillRectangle(3, 2, 4, 12);
            gc.fillRectangle(9, 2, 4, 12);
        }
        case FAILED -> {
            gc.setBackground(new Color(200, 30, 30));
            gc.fillOval(2, 2, 12, 12);
            gc.setForeground(new Color(255, 255, 255));
            gc.setLineWidth(2);
            gc.drawLine(5, 5, 10, 10);
            gc.drawLine(10, 5, 5, 10);
        }
        default -> {
            gc.setForeground(new Color(120, 120, 120));
            gc.setLineWidth(2);
            gc.drawOval(3, 3, 10, 10);
        }
        }
        gc.dispose();
        ImageData data = canvas.getImageData();
        canvas.dispose();
        data.transparentPixel = data.palette.getPixel(KEY);
        return new Image(display, data);
    }
}
