package org.descent.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.headless.UsageException;
import org.descent.p2.internal.Installer;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Help &gt; Install New Software…: the bundles a p2 repository offers that this Descent lacks, in a
 * check list, installed into the user's plugin folder as {@code descent install} does (the same
 * {@link Installer}); the repository is read and the bundles fetched in jobs, never on the UI thread.
 * Descent loads them at its next start.
 */
public final class InstallDialog extends TitleAreaDialog {

    private final Installer installer;
    private Text repository;
    private Table units;
    private Label status;
    private final List<Installer.Unit> offered = new ArrayList<>();
    private volatile @Nullable String outcome;

    public InstallDialog(Shell parent, Installer installer) {
        super(parent);
        this.installer = installer;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Install New Software");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Install plugins from a p2 repository");
        setMessage("Into " + installer.folder() + "; Descent loads them at its next start.");
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).margins(10, 10).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        new Label(body, SWT.NONE).setText("&Repository:");
        repository = new Text(body, SWT.BORDER);
        repository.setMessage("a URL or a folder holding content.xml or content.jar");
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(repository);
        Button browse = new Button(body, SWT.PUSH);
        browse.setText("&Browse…");
        browse.addListener(SWT.Selection, e -> {
            String dir = new DirectoryDialog(getShell()).open();
            if (dir != null) {
                repository.setText(dir);
                load(dir);
            }
        });
        Button load = new Button(body, SWT.PUSH);
        load.setText("&Load");
        load.addListener(SWT.Selection, e -> load(repository.getText().strip()));
        repository.addListener(SWT.DefaultSelection, e -> load(repository.getText().strip()));
        units = new Table(body, SWT.CHECK | SWT.BORDER | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).hint(SWT.DEFAULT, 180).applyTo(units);
        status = new Label(body, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).hint(420, SWT.DEFAULT).applyTo(status);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "&Install", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, false);
    }

    /** Reads a repository in a job and lists the bundles it offers that this Descent lacks. */
    public void load(String location) {
        repository.setText(location);
        units.removeAll();
        offered.clear();
        status.setText("Reading " + location + "…");
        Job.create("Reading " + location, monitor -> {
            try {
                List<Installer.Unit> found = installer.available(location, monitor);
                show(() -> {
                    offered.addAll(found);
                    for (Installer.Unit u : found) {
                        TableItem item = new TableItem(units, SWT.NONE);
                        item.setText(u.id() + "  " + u.version());
                        item.setChecked(true);
                    }
                    status.setText(found.isEmpty() ? location + " has nothing this Descent lacks"
                            : found.size() + " bundle(s) this Descent lacks");
                });
            } catch (UsageException e) {
                show(() -> status.setText(e.getMessage()));
            } catch (Exception e) {
                ILog.of(InstallDialog.class).log(Status.error("Cannot read " + location, e));
                show(() -> status.setText("Cannot read " + location + ": " + e.getMessage()));
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    /** The bundles listed, as "id  version". */
    public List<String> listed() {
        return offered.stream().map(u -> u.id() + "  " + u.version()).toList();
    }

    /** Checks only the bundle with this id. */
    public void checkOnly(String id) {
        for (int i = 0; i < offered.size(); i++) {
            units.getItem(i).setChecked(offered.get(i).id().equals(id));
        }
    }

    /** What the last install said; null until one ended. */
    public @Nullable String outcome() {
        return outcome;
    }

    @Override
    protected void okPressed() {
        install();
    }

    /** Installs the checked bundles in a job, as the Install button does; the dialog stays open to say how it went. */
    public void install() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < offered.size(); i++) {
            if (units.getItem(i).getChecked()) {
                ids.add(offered.get(i).id());
            }
        }
        if (ids.isEmpty()) {
            status.setText("Check the bundles to install.");
            return;
        }
        String location = repository.getText().strip();
        status.setText("Installing " + String.join(", ", ids) + "…");
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        Job job = Job.create("Installing " + String.join(", ", ids), monitor -> {
            String said;
            try {
                List<Installer.Done> done = installer.install(location, ids, monitor);
                said = "Installed " + String.join(", ", done.stream().map(d -> d.id() + " " + d.version()).toList())
                        + " into " + installer.folder() + ". Restart Descent to load them.";
            } catch (UsageException e) {
                said = e.getMessage();
            } catch (Exception e) {
                ILog.of(InstallDialog.class).log(Status.error("Cannot install from " + location, e));
                said = "Installing failed: " + e.getMessage();
            }
            String text = said;
            show(() -> {
                status.setText(text);
                getButton(IDialogConstants.OK_ID).setEnabled(true);
                outcome = text;
            });
            return Status.OK_STATUS;
        });
        job.setUser(true);
        job.schedule();
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

    @Override
    protected boolean isResizable() {
        return true;
    }
}
