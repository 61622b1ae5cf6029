package org.descent.ui.monitor.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.descent.experiment.RunFolder;
import org.descent.experiment.RunStore;
import org.descent.experiment.Trainer;
import org.descent.experiment.model.Experiment;
import org.descent.testing.ui.ScreenFit;
import org.descent.testing.ui.Widgets;
import org.descent.testing.ui.WorkbenchViews;
import org.descent.ui.monitor.data.MonitorModel;
import org.descent.ui.monitor.data.RunTable;
import org.descent.ui.monitor.internal.ComparisonView;
import org.descent.ui.monitor.internal.MonitorView;
import org.eclipse.nebula.widgets.nattable.NatTable;
import org.eclipse.nebula.widgets.nattable.layer.cell.ILayerCell;
import org.eclipse.nebula.widgets.nattable.sort.SortDirectionEnum;
import org.eclipse.nebula.widgets.nattable.style.CellStyleAttributes;
import org.eclipse.nebula.widgets.nattable.style.CellStyleUtil;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Run Comparison view on three real runs: sorting, filtering, the difference, overlaying in the Monitor. */
class ComparisonViewTest {

    private static Path store;
    private static List<RunFolder> runs;

    @BeforeAll
    static void train() throws Exception {
        store = Files.createTempDirectory("descent-comparison-test");
        RunStore s = new RunStore(store);
        runs = List.of(run(s, "adam-5e-2", "adam:lr=0.05"), run(s, "adam-1e-2", "adam:lr=0.01"),
                run(s, "gd-5e-2", "gd:lr=0.05"));
    }

    private static RunFolder run(RunStore s, String label, String optimizer) throws Exception {
        Experiment e = Runs.experiment("bimodal", "gaussian", "gaussian-nll", optimizer);
        e.setSteps(200);
        e.setCheckpointEvery(0);
        return Runs.train(s, label, e, new Trainer());
    }

    @AfterAll
    static void clean() throws IOException {
        try (var s = Files.walk(store)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<String> runColumn(ComparisonView view) {
        return view.visibleRows().stream().map(r -> r.text(RunTable.RUN)).toList();
    }

    private static String label(int i) {
        return MonitorModel.label(runs.get(i));
    }

    /** The text NatTable shows in the body cell of a column (by name) and row (0-based). */
    private static String cell(ComparisonView view, String column, int row) {
        NatTable t = view.natTable();
        for (int c = 0; c < t.getColumnCount(); c++) {
            if (column.equals(t.getDataValueByPosition(c, 0))) {
                return String.valueOf(t.getDataValueByPosition(c, 2 + row));
            }
        }
        // scrolled out of the viewport: ask the table's body layers
        return view.cellText(column, row);
    }

    @Test
    void showsRunsSortsFiltersAndDiffs() throws Exception {
        ComparisonView view = WorkbenchViews.open(ComparisonView.ID, ComparisonView.class);
        int before = view.shown();
        view.setRuns(runs);
        Widgets.spinUntil(() -> view.shown() > before && view.visibleRows().size() == 3, 30_000,
                "the three runs are read and shown");
        NatTable t = view.natTable();
        assertEquals(3, view.visibleRows().size());
        assertEquals(2 + 3, t.getRowCount(), "header, filter row and one row per run");
        List<String> headers = view.table().columns().stream().map(RunTable.Column::name).toList();
        for (String h : List.of("run", "dataset", "model", "loss", "optimizer", "optimizer.lr", "batchSize", "seed",
                "precision", "status", "steps done", "wall s", "train_loss")) {
            assertTrue(headers.contains(h), "column " + h + " in " + headers);
        }
        assertEquals(List.of(label(0), label(1), label(2)), runColumn(view));
        assertEquals("0.01", cell(view, "optimizer.lr", 1));
        assertEquals("gd", cell(view, "optimizer", 2));
        assertEquals("done: budget of 200 steps reached", cell(view, "status", 0).replaceAll("\\s+$", ""));
        assertEquals("200", cell(view, "steps done", 0));

        view.sortBy("optimizer.lr", SortDirectionEnum.ASC);
        Widgets.spin(100);
        assertEquals(label(1), runColumn(view).get(0), "smallest learning rate first");
        assertEquals(label(1), cell(view, "run", 0), "NatTable shows the sorted order");
        view.sortBy("train_loss", SortDirectionEnum.DESC);
        List<Double> losses = view.visibleRows().stream().map(r -> (Double) r.get("train_loss")).toList();
        assertTrue(losses.get(0) >= losses.get(1) && losses.get(1) >= losses.get(2), losses.toString());
        view.sortBy("train_loss", SortDirectionEnum.NONE);
        assertEquals(List.of(label(0), label(1), label(2)), runColumn(view));

        view.filter("optimizer", "adam");
        Widgets.spin(100);
        assertEquals(List.of(label(0), label(1)), runColumn(view), "filtered to adam");
        assertEquals(2 + 2, t.getRowCount());
        view.filter("optimizer.lr", ">0.02");
        assertEquals(List.of(label(0)), runColumn(view), "adam with lr > 0.02");
        view.filter("optimizer.lr", "");
        view.filter("optimizer", "");
        assertEquals(3, view.visibleRows().size());

        view.selectRows(0, 1);
        Widgets.spin(100);
        assertEquals(2, view.selectedRows().size());
        List<String> differing = view.table().differing(view.selectedRows()).stream().map(RunTable.Column::name)
                .toList();
        assertEquals(List.of("optimizer.lr"), differing, "the two adam runs differ only in lr");
        String diff = view.diffText();
        assertTrue(diff.startsWith("optimizer.lr: 0.05 (" + label(0) + "), 0.01 (" + label(1) + ")"), diff);
        assertFalse(diff.contains("dataset"), diff);
        view.selectRows(0, 2);
        String withGd = view.diffText();
        assertTrue(withGd.contains("optimizer: adam (" + label(0) + "), gd (" + label(2) + ")"), withGd);
        assertTrue(withGd.contains("optimizer.beta1: 0.9 (" + label(0) + "), (not set) (" + label(2) + ")"), withGd);
        assertFalse(withGd.contains("optimizer.lr"), "both have lr 0.05: " + withGd);

        view.setOnlyDiffering(true);
        assertEquals(2, view.selectedRows().size(), "hiding columns keeps the selection");
        assertEquals(withGd, view.diffText());
        List<String> shown = view.shownColumns();
        assertTrue(shown.containsAll(List.of("run", "optimizer", "optimizer.lr", "status", "train_loss")), shown.toString());
        assertFalse(shown.contains("dataset") || shown.contains("model") || shown.contains("seed"), shown.toString());
        ScreenFit.atBothSizes(WorkbenchViews.window().getShell(), "comparison-table",
                size -> assertEquals(List.of(), cutHeaders(view.natTable()), "headers cut at " + size));
        ImageData image = Widgets.capture(WorkbenchViews.window().getShell());
        Rectangle area = view.natTable().getDisplay().map(view.natTable(), WorkbenchViews.window().getShell(),
                view.natTable().getClientArea());
        assertTrue(Widgets.distinctPixels(image, area, 1) > 6, "NatTable painted no text");
        view.setOnlyDiffering(false);
        assertTrue(view.shownColumns().contains("dataset"));

        view.selectRows(0, 1);
        view.overlaySelected();
        MonitorView monitor = (MonitorView) WorkbenchViews.window().getService(org.eclipse.e4.ui.workbench.modeling.EPartService.class)
                .findPart(MonitorView.ID).getObject();
        List<Path> overlaid = List.of(runs.get(0).dir(), runs.get(1).dir());
        Widgets.spinUntil(() -> overlaid.equals(monitor.model().shown().stream().map(s -> s.folder().dir()).toList()),
                30_000, () -> "the monitor overlays the selected runs " + overlaid + "; it shows "
                        + monitor.model().shown().stream().map(s -> s.folder().dir()).toList() + "; comparison says: "
                        + view.diffText());
        monitor.refreshNow();
        Views.maximize(MonitorView.ID);
        Widgets.screenshot(WorkbenchViews.window().getShell(), "monitor-overlay-from-comparison.png");
    }

    /** Column headers whose text, in the header's font, is wider than their cell. */
    static List<String> cutHeaders(NatTable t) {
        List<String> cut = new java.util.ArrayList<>();
        GC gc = new GC(t);
        try {
            for (int c = 0; c < t.getColumnCount(); c++) {
                ILayerCell cell = t.getCellByPosition(c, 0);
                if (cell == null || !(cell.getDataValue() instanceof String text) || text.isEmpty()) {
                    continue;
                }
                Font font = CellStyleUtil.getCellStyle(cell, t.getConfigRegistry()).getAttributeValue(CellStyleAttributes.FONT);
                gc.setFont(font != null ? font : t.getFont());
                // NatTable's text painter leaves a few pixels on each side
                int need = gc.textExtent(text).x + 6;
                if (need > cell.getBounds().width) {
                    cut.add("'" + text + "' needs " + need + " px, its column has " + cell.getBounds().width);
                }
            }
        } finally {
            gc.dispose();
        }
        return cut;
    }
}
