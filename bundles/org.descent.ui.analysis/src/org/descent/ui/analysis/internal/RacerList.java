package org.descent.ui.analysis.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.descent.core.ComponentSpec;
import org.descent.core.Contribution;
import org.descent.ui.forms.HyperparameterForm;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;

/**
 * The optimizer race's racers: every installed optimizer in a check list; a checked one shows the
 * form generated from its declared hyperparameters (the experiment editor's form), and the checked
 * ones with their values make the race's line-up. None checked: the problem's own line-up.
 */
public final class RacerList {

    /** The race analysis' option that holds the line-up. */
    public static final String OPTION = "optimizers";

    private record Racer(Contribution optimizer, Button check, Composite holder, HyperparameterForm form) {
    }

    private final Group group;
    private final Map<String, Racer> racers = new LinkedHashMap<>();
    private final Runnable changed;

    /**
     * @param optimizers the installed optimizers, in the order to list them
     * @param changed told after a racer is checked or unchecked or a value changes
     */
    public RacerList(Composite parent, List<Contribution> optimizers, Runnable changed) {
        this.changed = changed;
        group = new Group(parent, SWT.NONE);
        group.setText("Racers");
        GridLayoutFactory.fillDefaults().margins(6, 4).spacing(4, 2).applyTo(group);
        Label hint = new Label(group, SWT.WRAP);
        hint.setText("None checked: the problem's line-up (gradient descent, momentum, Nesterov, Adagrad, RMSProp"
                + " and Adam, with learning rates that suit it).");
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(hint);
        for (Contribution c : optimizers) {
            Button check = new Button(group, SWT.CHECK);
            check.setText(c.name() + " (" + c.id() + ")");
            check.setToolTipText(c.description());
            GridDataFactory.fillDefaults().grab(true, false).applyTo(check);
            Composite holder = new Composite(group, SWT.NONE);
            GridLayoutFactory.fillDefaults().extendedMargins(18, 0, 0, 4).applyTo(holder);
            GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(holder);
            holder.setVisible(false);
            HyperparameterForm form = new HyperparameterForm(holder, c, Map.of());
            GridDataFactory.fillDefaults().grab(true, false).applyTo(form.getControl());
            form.addListener((name, text, problem) -> changed.run());
            Racer r = new Racer(c, check, holder, form);
            racers.put(c.id(), r);
            check.addListener(SWT.Selection, e -> show(r));
        }
    }

    public Composite getControl() {
        return group;
    }

    /** The ids of the installed optimizers, in list order. */
    public List<String> ids() {
        return List.copyOf(racers.keySet());
    }

    /** Checks or unchecks one optimizer, as a click on its box does. */
    public void setChecked(String id, boolean on) {
        Racer r = racers.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no optimizer '" + id + "' is installed; installed: " + ids());
        }
        r.check().setSelection(on);
        show(r);
    }

    /** The check box of one optimizer. */
    public Button check(String id) {
        Racer r = racers.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no optimizer '" + id + "' is installed; installed: " + ids());
        }
        return r.check();
    }

    /** The checked optimizers' ids, in list order. */
    public List<String> checked() {
        return racers.values().stream().filter(r -> r.check().getSelection()).map(r -> r.optimizer().id()).toList();
    }

    /** The form of one optimizer (shown while it is checked). */
    public Optional<HyperparameterForm> form(String id) {
        return Optional.ofNullable(racers.get(id)).map(Racer::form);
    }

    /** The line-up as the race option takes it: {@code id[:name=value,...]} per checked racer, ';' between. */
    public String lineup() {
        return racers.values().stream().filter(r -> r.check().getSelection())
                .map(r -> new ComponentSpec(r.optimizer().id(), r.form().values()).toString())
                .collect(Collectors.joining(";"));
    }

    /** Whether every checked racer's values parse. */
    public boolean isValid() {
        return problem() == null;
    }

    /** The first problem of a checked racer's values, naming the optimizer, or null. */
    public @Nullable String problem() {
        for (Racer r : racers.values()) {
            if (r.check().getSelection() && !r.form().isValid()) {
                return r.optimizer().id() + ": " + r.form().problems().values().iterator().next();
            }
        }
        return null;
    }

    private void show(Racer r) {
        boolean on = r.check().getSelection();
        r.holder().setVisible(on);
        ((GridData) r.holder().getLayoutData()).exclude = !on;
        group.layout(true, true);
        changed.run();
    }
}
