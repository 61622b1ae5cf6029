package org.descent.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.descent.core.Descent;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Help &gt; About Descent: version, runtime, Descent's bundles with their state, and the compute
 * devices (backend, device, memory, driver, availability or why not) as the workbench found them
 * at its start ({@link DeviceCatalog}, looked up off the UI thread).
 */
public final class AboutDescentDialog extends Dialog {

    static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;

    public AboutDescentDialog(Shell parent) {
        super(parent);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About Descent");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        ((GridLayout) area.getLayout()).verticalSpacing = 6;
        Label title = new Label(area, SWT.NONE);
        title.setText("Descent " + Descent.displayVersion());
        title.setFont(JFaceResources.getHeaderFont());
        Label what = new Label(area, SWT.WRAP);
        what.setText("A workbench for running and dissecting the optimization of machine-learning models: "
                + "optimizers, models, losses, data sets and analyses contributed by OSGi bundles.");
        GridDataFactory.fillDefaults().grab(true, false).hint(560, SWT.DEFAULT).applyTo(what);
        Label runtime = new Label(area, SWT.WRAP);
        runtime.setText(Descent.runtime() + "\nOSGi framework " + framework().getSymbolicName() + " "
                + framework().getVersion());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(runtime);

        Label bundlesLabel = new Label(area, SWT.NONE);
        bundlesLabel.setText("Descent bundles:");
        Table table = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        for (String column : new String[] { "Bundle", "Version", "State" }) {
            new TableColumn(table, SWT.LEFT).setText(column);
        }
        for (Bundle b : descentBundles()) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(new String[] { b.getSymbolicName(), b.getVersion().toString(), state(b) });
        }
        for (TableColumn c : table.getColumns()) {
            c.pack();
        }
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 160).applyTo(table);

        Label devicesLabel = new Label(area, SWT.NONE);
        devicesLabel.setText("Compute devices (descent devices; an experiment's device field chooses one):");
        devices = new Table(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        devices.setHeaderVisible(true);
        devices.setLinesVisible(true);
        for (String column : DEVICE_COLUMNS) {
            new TableColumn(devices, SWT.LEFT).setText(column);
        }
        new TableItem(devices, SWT.NONE).setText(new String[] { "", "looking for devices..." });
        packColumns(devices);
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 90).applyTo(devices);
        Display display = parent.getDisplay();
        DeviceCatalog catalog = Services.get(DeviceCatalog.class);
        catalog.lookUp();
        catalog.backends().thenAccept(found -> display.asyncExec(() -> {
            if (!devices.isDisposed()) {
                devices.removeAll();
                for (String[] row : deviceRows(found)) {
                    new TableItem(devices, SWT.NONE).setText(row);
                }
                packColumns(devices);
            }
        }));
        return area;
    }

    private static final String[] DEVICE_COLUMNS = { "Backend", "Device", "Name", "Memory", "Driver", "Availability" };

    private Table devices;

    /** The devices as the table lists them: a row per device, and one for a backend without devices. */
    static List<String[]> deviceRows(List<DeviceCatalog.BackendFound> found) {
        List<String[]> rows = new ArrayList<>();
        for (DeviceCatalog.BackendFound b : found) {
            String availability = b.available() ? "available" : "not available: " + b.reason();
            for (DeviceCatalog.Found d : b.devices()) {
                rows.add(new String[] { b.id(), d.id(), d.name() + " (" + d.kind() + ")", d.capacity(), d.driver(),
                        availability });
            }
            if (b.devices().isEmpty()) {
                rows.add(new String[] { b.id(), "", b.name(), "", "", availability });
            }
        }
        return rows;
    }

    /** The compute devices table (for tests). */
    public Table devicesTable() {
        return devices;
    }

    private static void packColumns(Table t) {
        for (TableColumn c : t.getColumns()) {
            c.pack();
        }
    }

    /** Wide enough for a device's row (name, memory, driver and availability) without scrolling. */
    @Override
    protected Point getInitialSize() {
        Point size = super.getInitialSize();
        return new Point(Math.max(size.x, 1100), size.y);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, COPY_ID, "&Copy Details", false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY_ID) {
            Clipboard clipboard = new Clipboard(getShell().getDisplay());
            try {
                clipboard.setContents(new Object[] { details() }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
            return;
        }
        super.buttonPressed(buttonId);
    }

    /** The dialog's facts as text, for bug reports. */
    static String details() {
        StringBuilder sb = new StringBuilder("Descent ").append(Descent.displayVersion()).append('\n')
                .append(Descent.runtime()).append('\n');
        for (Bundle b : descentBundles()) {
            sb.append(b.getSymbolicName()).append(' ').append(b.getVersion()).append(' ').append(state(b)).append('\n');
        }
        List<DeviceCatalog.BackendFound> found = Services.get(DeviceCatalog.class).now();
        if (found != null) {
            for (String[] row : deviceRows(found)) {
                sb.append("device ").append(String.join(" | ", row)).append('\n');
            }
        }
        return sb.toString();
    }

    static Bundle[] descentBundles() {
        Bundle[] all = FrameworkUtil.getBundle(AboutDescentDialog.class).getBundleContext().getBundles();
        return Arrays.stream(all).filter(b -> b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.descent."))
                .sorted(Comparator.comparing(Bundle::getSymbolicName)).toArray(Bundle[]::new);
    }

    private static Bundle framework() {
        return FrameworkUtil.getBundle(AboutDescentDialog.class).getBundleContext().getBundle(0);
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
        case Bundle.ACTIVE -> "active";
        case Bundle.STARTING -> "lazy (not yet started)";
        case Bundle.RESOLVED -> "resolved";
        case Bundle.INSTALLED -> "installed (unresolved)";
        default -> "stopping";
        };
    }
}
