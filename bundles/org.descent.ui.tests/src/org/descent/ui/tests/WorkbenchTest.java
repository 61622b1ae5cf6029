package org.descent.ui.tests;

import org.descent.testing.ui.ScreenFit;
import org.descent.testing.ui.Widgets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.ui.internal.AboutDescentDialog;
import org.descent.ui.internal.ContributionsView;
import org.descent.ui.internal.Perspectives;
import org.eclipse.core.commands.Command;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.commands.ICommandService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Descent's workbench as a user sees it, running in Descent's own application under Xvfb. */
class WorkbenchTest {

    private static IWorkbenchWindow window;
    private static ContributionRegistry registry;

    @BeforeAll
    static void workbench() throws InterruptedException {
        window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "no workbench window");
        ServiceTracker<ContributionRegistry, ContributionRegistry> tracker = new ServiceTracker<>(
                FrameworkUtil.getBundle(WorkbenchTest.class).getBundleContext(), ContributionRegistry.class, null);
        tracker.open();
        registry = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
        assertNotNull(registry);
        Widgets.spin(500);
    }

    private static Table contributionsTable() {
        List<Table> tables = Widgets.findAll(window.getShell(), Table.class).stream()
                .filter(t -> Arrays.stream(t.getColumns()).map(TableColumn::getText).toList().contains("Extension point"))
                .toList();
        assertEquals(1, tables.size(), "the Contributions view's table");
        // the view reads the contributions in a job, off the UI thread
        Table table = tables.get(0);
        Widgets.spinUntil(() -> table.getItemCount() > 0, 30_000, "the Contributions view's table filled");
        return table;
    }

    private static List<String> column(Table table, int index) {
        return Arrays.stream(table.getItems()).map(i -> i.getText(index)).toList();
    }

    @Test
    void opensInTheExperimentPerspectiveWithTheContributionsView() {
        IWorkbenchPage page = window.getActivePage();
        assertEquals(Perspectives.EXPERIMENT, page.getPerspective().getId());
        assertEquals("Experiment", page.getPerspective().getLabel());
        assertTrue(window.getShell().getText().startsWith("Descent 0.1.0"), window.getShell().getText());
        IViewPart view = page.findView(ContributionsView.ID);
        assertNotNull(view, "the Contributions view is not open");
        assertEquals("Contributions", view.getTitle());
    }

    @Test
    void contributionsViewListsEveryContributionWithItsBundle() {
        Table table = contributionsTable();
        List<Contribution> all = registry.contributions();
        assertEquals(all.size(), table.getItemCount());
        assertEquals(List.of("Kind", "Id", "Name", "Bundle", "Extension point"),
                Arrays.stream(table.getColumns()).map(TableColumn::getText).toList());
        assertTrue(column(table, 1).containsAll(List.of("help", "plugins", "version")), column(table, 1).toString());
        int plugins = column(table, 1).indexOf("plugins");
        TableItem row = table.getItem(plugins);
        assertEquals("command", row.getText(0));
        assertEquals("org.descent.headless", row.getText(3));
        assertEquals("org.descent.headless.commands", row.getText(4));

        List<Label> labels = Widgets.findAll(window.getShell(), Label.class);
        String summary = all.size() + " contributions from";
        assertTrue(labels.stream().anyMatch(l -> l.getText().startsWith(summary)),
                "no summary label starting with '" + summary + "'");
    }

    @Test
    void filterAndSelectionShowTheDocumentation() {
        Table table = contributionsTable();
        Text filter = Widgets.findAll(window.getShell(), Text.class).stream()
                .filter(t -> "kind, id, name or bundle".equals(t.getMessage())).findFirst().orElseThrow();
        Text details = Widgets.findAll(window.getShell(), Text.class).stream()
                .filter(t -> (t.getStyle() & org.eclipse.swt.SWT.READ_ONLY) != 0).findFirst().orElseThrow();
        table.deselectAll();
        table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        Widgets.spinUntil(() -> details.getText().startsWith("Select a contribution"), 10_000, "the details ask for a selection");
        assertTrue(details.getText().startsWith("Select a contribution"), details.getText());
        assertTrue(details.getText().contains("org.descent.core.optimizers (9)"), details.getText());
        assertTrue(details.getText().contains("org.descent.core.analyses (9)"), details.getText());
        try {
            filter.setText("plugins");
            Widgets.spinUntil(() -> column(table, 1).size() == 1, 10_000, "the filter leaves one row");
            assertEquals(List.of("plugins"), column(table, 1));
            table.setSelection(0);
            table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
            Widgets.spinUntil(() -> details.getText().startsWith("Plugins"), 10_000, "the details show the selection");
            assertTrue(details.getText().startsWith("Plugins  (command 'plugins')"), details.getText());
            assertTrue(details.getText().contains("Contributed by bundle org.descent.headless"), details.getText());
            filter.setText("no such contribution");
            Widgets.spinUntil(() -> table.getItemCount() == 0, 10_000, "the filter leaves no row");
            assertEquals(0, table.getItemCount());
        } finally {
            filter.setText("");
            table.deselectAll();
            Widgets.spinUntil(() -> table.getItemCount() == registry.contributions().size(), 10_000,
                    "the emptied filter shows every contribution");
        }
        assertEquals(registry.contributions().size(), table.getItemCount());
    }

    @Test
    void aboutDialogShowsVersionRuntimeBundlesAndDevices() throws Exception {
        ICommandService commands = window.getService(ICommandService.class);
        Command about = commands.getCommand("org.descent.ui.commands.about");
        assertTrue(about.isDefined(), "About command not defined");
        assertTrue(about.isHandled(), "About command has no handler");

        AboutDescentDialog dialog = new AboutDescentDialog(window.getShell());
        dialog.setBlockOnOpen(false);
        dialog.open();
        try {
            Shell shell = dialog.getShell();
            Widgets.spin(300);
            assertEquals("About Descent", shell.getText());
            List<String> labels = Widgets.findAll(shell, Label.class).stream().map(Label::getText).toList();
            assertTrue(labels.stream().anyMatch(l -> l.startsWith("Descent 0.1.0")), labels.toString());
            assertTrue(labels.stream().anyMatch(l -> l.startsWith("Java ")), labels.toString());
            Table bundles = Widgets.findAll(shell, Table.class).get(0);
            assertTrue(column(bundles, 0).containsAll(List.of("org.descent.core", "org.descent.ui")),
                    column(bundles, 0).toString());
            Table devices = dialog.devicesTable();
            Widgets.spinUntil(() -> column(devices, 0).contains("cpu"), 10_000, "About lists the cpu device");
            int cpu = column(devices, 0).indexOf("cpu");
            assertEquals("cpu", devices.getItem(cpu).getText(1));
            assertEquals("available", devices.getItem(cpu).getText(5));
            assertTrue(devices.getItem(cpu).getText(4).startsWith("Java "), devices.getItem(cpu).getText(4));
            assertTrue(devices.getItem(cpu).getText(3).endsWith(" threads"), devices.getItem(cpu).getText(3));
            Widgets.spin(100);
            ImageData image = Widgets.screenshot(shell, "about.png");
            assertTrue(Widgets.distinctPixels(image) > 8, "the About screenshot is blank");
        } finally {
            dialog.close();
        }
    }

    @Test
    void screenshotOfTheWorkbenchForTheReadme() throws Exception {
        Shell shell = window.getShell();
        assertTrue(shell.isVisible());
        assertTrue(shell.getSize().x >= 1000 && shell.getSize().y >= 600, shell.getSize().toString());
        Table table = contributionsTable();
        table.setSelection(Math.max(0, column(table, 1).indexOf("adam")));
        table.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event());
        table.showSelection();
        Widgets.spin(100);
        ScreenFit.atBothSizes(shell, "workbench",
                size -> assertEquals(List.of(), ScreenFit.cutColumns(table), "contributions at " + size));
        ImageData image = Widgets.capture(shell);
        assertEquals(shell.getBounds().width, image.width);
        assertTrue(Widgets.distinctPixels(image) > 8, "the workbench screenshot is blank");
    }
}
