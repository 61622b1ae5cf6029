package org.descent.ui.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.descent.profiler.Mode;
import org.descent.profiler.ModeResult;
import org.descent.profiler.Workload;
import org.descent.testing.ui.ScreenFit;
import org.descent.testing.ui.Widgets;
import org.descent.testing.ui.WorkbenchViews;
import org.descent.ui.profiler.internal.ProfilerView;
import org.descent.ui.profiler.timeline.TimeRange;
import org.descent.ui.profiler.timeline.TimelineCanvas;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Threading Profiler view running a small cpu workload in three modes. */
class ProfilerViewTest {

    private static final List<String> MODES = List.of("seq", "jvm", "gil-py3");

    @Test
    void runsTheModesAndShowsTableChartAndAZoomableTimeline(@TempDir Path tmp) throws Exception {
        ProfilerView view = WorkbenchViews.open(ProfilerView.ID, ProfilerView.class);
        view.choose(Workload.CPU, 2, List.of(Mode.SEQ, Mode.JVM, Mode.GIL_PY3), 1, 5_000_000);
        Views.click(Views.button("&Run"));
        assertTrue(view.running(), "the run did not start");
        // the job ends, then the view shows that it finished (the Run button enabled again)
        Widgets.spinUntil(() -> !view.running() && Views.button("&Run").isEnabled(), 120_000,
                () -> "the run to end and the view to show it: " + labels());

        Table table = Views.table("Wall median (s)");
        assertEquals(MODES, Views.column(table, "Mode"));
        assertEquals("1.00x", Views.column(table, "Speed-up").get(0));
        assertEquals("-", Views.column(table, "Acquisitions").get(1), "jvm has no GIL");
        assertTrue(Long.parseLong(Views.column(table, "Acquisitions").get(2)) > 1,
                Views.column(table, "Acquisitions").toString());
        assertTrue(Long.parseLong(Views.column(table, "Switches").get(2)) > 0, "gil-py3 never switched");
        for (String wall : Views.column(table, "Wall median (s)")) {
            assertTrue(Double.parseDouble(wall) > 0, wall);
        }
        List<ModeResult> rows = view.rows();
        assertTrue(rows.stream().allMatch(r -> r.status() == ModeResult.Status.DONE && !r.explanation().isBlank()),
                rows.toString());
        assertEquals(MODES, Arrays.asList(view.speedupChart().getAxisSet().getXAxis(0).getCategorySeries()));
        assertEquals(1.0, view.speedupChart().getSeriesSet().getSeries("speedup").getYSeries()[0], 1e-12);

        TimelineCanvas timeline = view.timeline();
        assertEquals(2, timeline.lanes().size(), "one lane per thread: " + timeline.lanes());
        assertTrue(Widgets.findAll(WorkbenchViews.window().getShell(), Label.class).stream()
                .anyMatch(l -> l.getText().matches("gil-py3: Recorder: \\d+ events, .* ns each .*")),
                "no recorder overhead label");
        TimeRange range = timeline.range();
        assertTrue(range.whole());
        ScreenFit.atBothSizes(WorkbenchViews.window().getShell(), "profiler-run", size -> {
            assertEquals(List.of(), ScreenFit.cutColumns(table), "the result table at " + size);
            assertEquals(List.of(), ScreenFit.cutLabels(table.getParent().getParent()), "the profiler's labels at " + size);
            double[] ticks = view.speedupChart().getAxisSet().getYAxis(0).getTick().getTickLabelValues();
            assertTrue(ticks.length >= 4 && ticks.length <= 8, "speed-up ticks at " + size + ": " + Arrays.toString(ticks));
        });

        Canvas canvas = timeline.getControl();
        int width = canvas.getClientArea().width;
        Event wheel = new Event();
        wheel.x = width / 2;
        wheel.y = 40;
        wheel.count = 3;
        canvas.notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertTrue(range.span() < 0.9 * range.total(), "the wheel did not zoom in: " + range);
        double wheeled = range.span();
        drag(canvas, width / 2, width * 3 / 4);
        assertTrue(range.span() < 0.5 * wheeled, "dragging did not zoom to the range: " + range);
        canvas.update();
        Widgets.screenshot(WorkbenchViews.window().getShell(), "profiler-timeline-zoomed.png");
        Views.click(Views.button("Reset &zoom"));
        assertTrue(range.whole(), range.toString());

        view.exportCsv(tmp.resolve("rows.csv"));
        List<String> csv = Files.readAllLines(tmp.resolve("rows.csv"));
        assertEquals(4, csv.size());
        assertTrue(csv.get(0).startsWith("Mode,Wall min (s),Wall median (s),CPU (s),Speed-up,"), csv.get(0));
        assertTrue(csv.get(3).startsWith("gil-py3,"), csv.get(3));
        Path chart = view.exportPng(tmp.resolve("timeline.png"));
        assertEquals("timeline-speedup.png", chart.getFileName().toString());
        assertTrue(Files.size(tmp.resolve("timeline.png")) > 1000 && Files.size(chart) > 1000);
        ImageData image = Widgets.capture(WorkbenchViews.window().getShell());
        assertTrue(Widgets.distinctPixels(image) > 16, "the view is blank");
    }

    @Test
    void cancelStopsTheRunAndKeepsTheFinishedModes() throws Exception {
        ProfilerView view = WorkbenchViews.open(ProfilerView.ID, ProfilerView.class);
        view.choose(Workload.CPU, 2, List.of(Mode.SEQ, Mode.JVM, Mode.GIL_PY2, Mode.GIL_PY3), 3, 50_000_000);
        Views.click(Views.button("&Run"));
        Widgets.spinUntil(() -> labels().stream()
                .anyMatch(l -> l.startsWith("Threading profiler: cpu: ") && l.contains("seq")), 60_000,
                () -> "progress text naming the mode and repeat: " + labels());
        assertTrue(view.running(), "the run ended before it could be cancelled");
        Views.click(Views.button("&Cancel"));
        Widgets.spinUntil(() -> !view.running(), 30_000, () -> "cancel to stop the run");
        Widgets.spinUntil(() -> labels().stream()
                .anyMatch(l -> l.startsWith("Cancelled: the table holds the modes that finished.")), 30_000,
                () -> "the cancellation message: " + labels());
        assertTrue(view.rows().size() < 4, view.rows().toString());
        assertTrue(Views.button("&Run").isEnabled());
        assertFalse(Views.button("&Cancel").isEnabled());
    }

    @Test
    void settingsThatAreNotValidAreNamed() throws Exception {
        ProfilerView view = WorkbenchViews.open(ProfilerView.ID, ProfilerView.class);
        view.choose(Workload.CPU, 2, List.of(Mode.SEQ), 1, 1000);
        Text count = Widgets.findAll(WorkbenchViews.window().getShell(), Text.class).stream()
                .filter(t -> t.getText().equals("1000")).findFirst().orElseThrow();
        count.setText("many");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, view::options);
        assertEquals("Count: 'many' is not valid, expected a whole number", e.getMessage());
        view.choose(Workload.MIXED, 1, List.of(Mode.SEQ), 1, 1000);
        e = assertThrows(IllegalArgumentException.class, view::options);
        assertTrue(e.getMessage().startsWith("threads: 1 is not valid"), e.getMessage());
        view.choose(Workload.CPU, 2, List.of(), 1, 1000);
        e = assertThrows(IllegalArgumentException.class, view::options);
        assertTrue(e.getMessage().startsWith("modes: [] is not valid"), e.getMessage());
    }

    private static List<String> labels() {
        return Widgets.findAll(WorkbenchViews.window().getShell(), Label.class).stream().map(Label::getText).toList();
    }

    private static void drag(Canvas canvas, int from, int to) {
        Event down = new Event();
        down.button = 1;
        down.x = from;
        down.y = 40;
        canvas.notifyListeners(SWT.MouseDown, down);
        Event move = new Event();
        move.x = to;
        move.y = 40;
        canvas.notifyListeners(SWT.MouseMove, move);
        Event up = new Event();
        up.button = 1;
        up.x = to;
        up.y = 40;
        canvas.notifyListeners(SWT.MouseUp, up);
    }
}
