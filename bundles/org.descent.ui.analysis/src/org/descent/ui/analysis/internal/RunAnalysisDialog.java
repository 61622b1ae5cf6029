package org.descent.ui.analysis.internal;

import java.util.List;
import java.util.Map;

import org.descent.core.Contribution;
import org.descent.ui.forms.HyperparameterForm;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** Chooses an analysis and its options, in a form generated from its declared hyperparameters. */
public final class RunAnalysisDialog extends Dialog {

    private final List<Contribution> analyses;
    private final String runName;
    private Combo choice;
    private Label description;
    private Composite formHolder;
    private @Nullable HyperparameterForm form;
    private @Nullable Contribution chosen;
    private Map<String, String> values = Map.of();

    public RunAnalysisDialog(Shell parent, List<Contribution> analyses, String runName) {
        super(parent);
        this.analyses = analyses;
        this.runName = runName;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Run analysis on " + runName);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(10, 10).applyTo(area);
        new Label(area, SWT.NONE).setText("&Analysis:");
        choice = new Combo(area, SWT.READ_ONLY);
        for (Contribution c : analyses) {
            choice.add(c.name() + " (" + c.id() + ")");
        }
        GridDataFactory.fillDefaults().grab(true, false).applyTo(choice);
        description = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(2, 1).hint(560, SWT.DEFAULT).applyTo(description);
        formHolder = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(formHolder);
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).applyTo(formHolder);
        choice.addListener(SWT.Selection, e -> select(choice.getSelectionIndex()));
        if (!analyses.isEmpty()) {
            choice.select(0);
            select(0);
        }
        return area;
    }

    /** Shows the form of the i-th analysis. */
    public void select(int i) {
        choice.select(i);
        HyperparameterForm old = form;
        if (old != null) {
            old.getControl().dispose();
        }
        Contribution c = analyses.get(i);
        String d = c.description();
        description.setText(d.length() > 400 ? d.substring(0, 400) + "…" : d);
        HyperparameterForm f = new HyperparameterForm(formHolder, c, Map.of());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(f.getControl());
        f.addListener((name, text, problem) -> updateOk());
        form = f;
        Shell shell = formHolder.getShell();
        if (shell.isVisible()) {
            org.eclipse.swt.graphics.Point want = shell.computeSize(SWT.DEFAULT, SWT.DEFAULT, true);
            org.eclipse.swt.graphics.Rectangle screen = shell.getMonitor().getClientArea();
            shell.setSize(Math.min(screen.width, Math.max(shell.getSize().x, want.x)), Math.min(screen.height, want.y));
        }
        shell.layout(true, true);
        updateOk();
    }

    /** The form shown now. */
    public @Nullable HyperparameterForm form() {
        return form;
    }

    private void updateOk() {
        HyperparameterForm f = form;
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(f != null && f.isValid());
        }
    }

    @Override
    protected void okPressed() {
        HyperparameterForm f = form;
        if (f == null || !f.isValid()) {
            return;
        }
        chosen = analyses.get(choice.getSelectionIndex());
        values = f.values();
        super.okPressed();
    }

    /** The analysis chosen when OK was pressed. */
    public @Nullable Contribution chosen() {
        return chosen;
    }

    /** Its options as text, as given. */
    public Map<String, String> values() {
        return values;
    }
}
