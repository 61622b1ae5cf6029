package org.descent.ui.profiler.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.List;

import org.descent.testing.ui.Widgets;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

/** Opening e4 views and driving their widgets. */
final class Views {

    private Views() {
    }

    static IWorkbenchWindow window() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window");
        return window;
    }

    /** Opens a view maximized and returns its e4 object (the class named in plugin.xml). */
    static <T> T open(String id, Class<T> type) throws PartInitException {
        IWorkbenchPage page = window().getActivePage();
        IViewPart view = page.showView(id);
        page.setPartState(page.getReference(view), IWorkbenchPage.STATE_MAXIMIZED);
        Widgets.spin(300);
        MPart part = window().getService(EPartService.class).findPart(id);
        assertNotNull(part, "no part " + id);
        return type.cast(part.getObject());
    }

    static Button button(String text) {
        return Widgets.findAll(window().getShell(), Button.class).stream().filter(b -> b.getText().equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no button '" + text + "'"));
    }

    static void click(Button b) {
        b.notifyListeners(SWT.Selection, new Event());
    }

    /** The visible table whose headers include {@code header}. */
    static Table table(String header) {
        return Widgets.findAll(window().getShell(), Table.class).stream()
                .filter(t -> headers(t).contains(header)).findFirst()
                .orElseThrow(() -> new AssertionError("no table with a column '" + header + "'"));
    }

    static List<String> headers(Table t) {
        return Arrays.stream(t.getColumns()).map(TableColumn::getText).toList();
    }

    static List<String> column(Table t, String header) {
        int i = headers(t).indexOf(header);
        return Arrays.stream(t.getItems()).map(item -> item.getText(i)).toList();
    }
}
