package org.descent.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.headless.UsageException;
import org.descent.p2.internal.Installer;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

/**
 * Help &gt; Installation Details: the units {@code descent install} (or Install New Software) put
 * into the user's plugin folder, with their repository and jars, the jars copied there by hand,
 * and Uninstall for the selected units (as {@code descent uninstall}); read and changed in jobs.
 */
public final class InstallationDetailsDialog extends TitleAreaDialog {

    private final Installer installer;
    private Table table;
    private Label status;
    private final List<String> ids = new ArrayList<>();
    private Button uninstall;

    public InstallationDetailsDialog(Shell parent, Installer installer) {
        super(parent);
        this.installer = installer;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Installation Details");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Plugins installed in " + installer.folder());
        setMessage("Descent loads this folder's bundles at its start; changes take effect at the next one.");
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(10, 10).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        table = new Table(body, SWT.MULTI | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        for (String h : List.of("Unit", "Version", "From", "Jars")) {
            new TableColumn(table, SWT.LEFT).setText(h);
        }
        GridDataFactory.fillDefaults().grab(true, true).hint(620, 200).applyTo(table);
        uninstall = new Button(body, SWT.PUSH);
        uninstall.setText("&Uninstall");
        GridDataFactory.swtDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(uninstall);
        uninstall.addListener(SWT.Selection, e -> uninstallSelected());
        status = new Label(body, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(620, SWT.DEFAULT).applyTo(status);
        reload("");
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    /** Reads the record of the plugin folder in a job and lists it; then says {@code message}, if any. */
    public void reload(String message) {
        Job.create("Reading " + installer.folder(), monitor -> {
            try {
                List<Installer.Done> units = installer.installed();
                List<String> byHand = installer.copiedByHand();
                show(() -> {
                    table.removeAll();
                    ids.clear();
                    for (Installer.Done d : units) {
                        new TableItem(table, SWT.NONE).setText(new String[] { d.id(), d.version(), d.repository(),
                                String.join(", ", d.files()) });
                        ids.add(d.id());
                    }
                    for (String jar : byHand) {
                        new TableItem(table, SWT.NONE).setText(new String[] { jar, "", "copied by hand", jar });
                    }
                    for (TableColumn c : table.getColumns()) {
                        c.pack();
                    }
                    status.setText(!message.isEmpty() ? message
                            : units.isEmpty() && byHand.isEmpty() ? "Nothing installed." : "");
                });
            } catch (Exception e) {
                ILog.of(InstallationDetailsDialog.class).log(Status.error("Cannot read " + installer.folder(), e));
                show(() -> status.setText("Cannot read " + installer.folder() + ": " + e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    /** The installed units listed, by id. */
    public List<String> units() {
        return List.copyOf(ids);
    }

    /** Selects the unit with this id (as a click does). */
    public void select(String id) {
        int i = ids.indexOf(id);
        if (i >= 0) {
            table.setSelection(i);
        }
    }

    /** Uninstalls the selected units in a job, then lists again. */
    public void uninstallSelected() {
        List<String> chosen = new ArrayList<>();
        for (int i : table.getSelectionIndices()) {
            if (i < ids.size()) {
                chosen.add(ids.get(i));
            }
        }
        if (chosen.isEmpty()) {
            status.setText("Select the units to uninstall (jars copied by hand are removed by hand).");
            return;
        }
        Job.create("Uninstalling " + String.join(", ", chosen), monitor -> {
            String said;
            try {
                installer.uninstall(chosen);
                said = "Uninstalled " + String.join(", ", chosen) + ". Restart Descent to unload them.";
            } catch (UsageException e) {
                said = e.getMessage();
            } catch (Exception e) {
                ILog.of(InstallationDetailsDialog.class).log(Status.error("Cannot uninstall " + chosen, e));
                said = "Uninstalling failed: " + e.getMessage();
            }
            String message = said;
            show(() -> reload(message));
            return Status.OK_STATUS;
        }).schedule();
    }

    /** What the dialog says now. */
    public String status() {
        return status.getText();
    }

    private void show(Runnable r) {
        Shell shell = getShell();
        if (shell != null && !shell.isDisposed()) {
            shell.getDisplay().asyncExec(() -> {
                if (!status.isDisposed()) {
                    r.run();
                }
            });
        }
    }
}
