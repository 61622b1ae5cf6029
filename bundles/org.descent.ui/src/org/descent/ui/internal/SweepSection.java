package org.descent.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.core.Hyperparameter;
import org.descent.experiment.model.Sweep;
import org.descent.experiment.model.SweptParameter;
import org.descent.sweep.Distribution;
import org.descent.sweep.SweepSettings;
import org.descent.ui.forms.HyperparameterForm;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * The experiment editor's Sweep section: whether the experiment is swept, the swept parameters
 * (each chosen from the declared hyperparameters of the chosen contributions, a component itself,
 * or a training setting, with a distribution and its bounds or values), the sweep's settings in a
 * form generated from their declaration ({@link SweepSettings}), what the validation found, and
 * Run sweep / Cancel sweep. Edits go to the editor, which makes them commands.
 */
public final class SweepSection {

    /**
     * Something that can be swept.
     *
     * @param name as the sweep names it: {@code optimizer.lr}, {@code optimizer}, {@code batch}
     * @param declaration its declaration, or {@code null} for a component (chosen by id)
     * @param ids for a component, the ids of the contributions that can fill its role
     * @param current for a component, its id now
     */
    record Candidate(String name, @Nullable Hyperparameter declaration, List<String> ids, String current) {

        /** What it takes, beside its row: {@code double in (0,inf), default 0.01}, or the ids of a component. */
        String takes() {
            Hyperparameter h = declaration;
            if (h == null) {
                return "one of " + String.join(", ", ids);
            }
            String s = h.summary();
            int colon = s.indexOf("): ");
            return s.startsWith(h.name() + " (") ? s.substring(h.name().length() + 2, colon < 0 ? s.length() - 1 : colon)
                    : s;
        }

        /** A distribution to start from: around the default, over the range, or every choice. */
        String startingDistribution() {
            Hyperparameter h = declaration;
            if (h == null) {
                List<String> some = new ArrayList<>();
                some.add(current);
                ids.stream().filter(i -> !i.equals(current)).limit(2).forEach(some::add);
                return "choice(" + String.join(",", some) + ")";
            }
            switch (h.type()) {
            case DOUBLE: {
                double d = Double.parseDouble(h.defaultText().strip());
                Hyperparameter.Range r = h.range();
                double low = d > 0 ? d / 10 : 0;
                double high = d > 0 ? d * 10 : 1;
                if (r != null && Double.isFinite(r.high()) && high >= r.high()) {
                    high = r.highInclusive() ? r.high() : (r.high() + Math.max(low, r.low())) / 2;
                }
                if (r != null && Double.isFinite(r.low()) && low <= r.low()) {
                    low = r.lowInclusive() ? r.low() : (r.low() + high) / 2;
                }
                return (low > 0 && high / low >= 10 ? "loguniform(" : "uniform(") + number(low) + "," + number(high) + ")";
            }
            case INTEGER: {
                long d = Long.parseLong(h.defaultText().strip());
                return "grid(" + d + "," + (d > 0 ? 2 * d : d + 1) + ")";
            }
            case BOOLEAN:
                return "grid(true,false)";
            case CHOICE:
                return "grid(" + String.join(",", h.choices()) + ")";
            default:
                return "grid(" + h.defaultText() + ")";
            }
        }

        private static String number(double v) {
            String s = String.format(Locale.ROOT, "%.3g", v);
            return s.contains("e") || !s.contains(".") ? s : s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
    }

    /** What the user did, for the editor to make into commands. */
    interface Edits {
        void enable(boolean on);

        void addParameter(Candidate c);

        void removeParameter(SweptParameter p);

        void rename(SweptParameter p, Candidate c);

        void setDistribution(SweptParameter p, String text);

        void setSetting(String name, @Nullable String text, @Nullable String problem);

        void run();

        void cancel();
    }

    /** One parameter's row: name, kind, bounds or values, what it takes, Remove. */
    private final class Row {
        final SweptParameter parameter;
        final Combo name;
        final Combo kind;
        final Text values;
        final Label hint;
        final Button remove;

        Row(SweptParameter parameter) {
            this.parameter = parameter;
            name = new Combo(rows, SWT.READ_ONLY | SWT.DROP_DOWN);
            name.setVisibleItemCount(20);
            name.setToolTipText("The swept hyperparameter, component or training setting");
            GridDataFactory.fillDefaults().hint(200, SWT.DEFAULT).applyTo(name);
            kind = new Combo(rows, SWT.READ_ONLY | SWT.DROP_DOWN);
            kind.setItems(Distribution.KINDS.toArray(String[]::new));
            kind.setToolTipText("loguniform(a,b) and uniform(a,b) draw numbers in [a, b]; choice draws one of the"
                    + " values; grid takes every value, crossed with the other grids");
            values = new Text(rows, SWT.BORDER);
            values.setToolTipText("The bounds a,b of loguniform and uniform, or the values x,y,... of choice and grid");
            GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).minSize(120, SWT.DEFAULT)
                    .applyTo(values);
            hint = new Label(rows, SWT.NONE);
            hint.setForeground(rows.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
            remove = new Button(rows, SWT.PUSH);
            remove.setText("Remove");
            remove.setToolTipText("Stop sweeping this parameter");
            name.addListener(SWT.Selection, e -> {
                Candidate c = candidateAt(name.getSelectionIndex());
                if (!updating && c != null && !c.name().equals(parameter.getName())) {
                    edits.rename(parameter, c);
                }
            });
            kind.addListener(SWT.Selection, e -> distributionEdited());
            values.addListener(SWT.Modify, e -> distributionEdited());
            remove.addListener(SWT.Selection, e -> edits.removeParameter(parameter));
        }

        private void distributionEdited() {
            if (updating) {
                return;
            }
            String text = kind.getText() + "(" + values.getText().strip() + ")";
            if (!text.equals(parameter.getDistribution())) {
                edits.setDistribution(parameter, text);
            }
        }

        void show(boolean editing) {
            String[] items = candidates.stream().map(Candidate::name).toArray(String[]::new);
            if (!java.util.Arrays.equals(items, name.getItems())) {
                name.setItems(items);
            }
            int at = indexOf(parameter.getName());
            if (at >= 0) {
                name.select(at);
            } else {
                name.setText(String.valueOf(parameter.getName()));
            }
            String d = parameter.getDistribution() == null ? "" : parameter.getDistribution().strip();
            int open = d.indexOf('(');
            String k = open < 0 ? "" : d.substring(0, open).strip().toLowerCase(Locale.ROOT);
            String v = open < 0 ? d : d.substring(open + 1, d.endsWith(")") ? d.length() - 1 : d.length());
            if (Distribution.KINDS.contains(k)) {
                kind.select(Distribution.KINDS.indexOf(k));
            } else {
                kind.deselectAll();
            }
            if (!editing && !values.getText().equals(v)) {
                values.setText(v);
            }
            Candidate c = at < 0 ? null : candidates.get(at);
            hint.setText(c == null ? "not declared by the chosen components" : c.takes());
            hint.setToolTipText(c == null || c.declaration() == null ? null : c.declaration().summary());
        }

        void dispose() {
            for (Control c : new Control[] { name, kind, values, hint, remove }) {
                c.dispose();
            }
        }
    }

    private final Group group;
    private final Button enabled;
    private final Composite body;
    private final Composite rows;
    private final Button add;
    private final HyperparameterForm form;
    private final Label problems;
    private final Button runButton;
    private final Button cancelButton;
    private final Label status;
    private final Edits edits;
    private final List<Row> shown = new ArrayList<>();
    private List<Candidate> candidates = List.of();
    private boolean updating;
    private boolean editable = true;
    private boolean hasSweep;
    /** The sweep the form shows: a new one (ticked, undone) is shown even while a widget edits. */
    private @Nullable Sweep shownSweep;

    SweepSection(Composite parent, Edits edits) {
        this.edits = edits;
        group = new Group(parent, SWT.NONE);
        group.setText("Sweep");
        GridLayoutFactory.swtDefaults().numColumns(4).spacing(8, 6).applyTo(group);
        enabled = new Button(group, SWT.CHECK);
        enabled.setText("&Sweep this experiment");
        enabled.setToolTipText("Train many runs of this experiment over a search space of its hyperparameters"
                + " (descent sweep --experiment FILE runs the saved file's sweep)");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(enabled);
        enabled.addListener(SWT.Selection, e -> {
            if (!updating) {
                edits.enable(enabled.getSelection());
            }
        });
        runButton = new Button(group, SWT.PUSH);
        runButton.setText("\u25B6 Run s&weep");
        runButton.setToolTipText("Check the sweep and train its trials in the background into a new sweep folder of"
                + " the run store; the Sweep view follows it");
        runButton.addListener(SWT.Selection, e -> edits.run());
        cancelButton = new Button(group, SWT.PUSH);
        cancelButton.setText("Cancel swee&p");
        cancelButton.setToolTipText("Stop the sweeps started from this editor; finished trials are kept, and"
                + " descent sweep resume DIR continues");
        cancelButton.addListener(SWT.Selection, e -> edits.cancel());
        cancelButton.setEnabled(false);
        status = new Label(group, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(200, SWT.DEFAULT).applyTo(status);

        body = new Composite(group, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).applyTo(body);
        GridLayoutFactory.fillDefaults().spacing(16, 6).applyTo(body);
        Composite left = new Composite(body, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(left);
        GridLayoutFactory.fillDefaults().applyTo(left);
        Label heading = new Label(left, SWT.NONE);
        heading.setText("Swept parameters (distribution and its bounds a,b or values x,y,...):");
        rows = new Composite(left, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(rows);
        GridLayoutFactory.fillDefaults().numColumns(5).spacing(6, 4).applyTo(rows);
        add = new Button(left, SWT.PUSH);
        add.setText("&Add parameter");
        add.setToolTipText("Sweep one more hyperparameter of the chosen components");
        add.addListener(SWT.Selection, e -> {
            Candidate c = candidates.stream().filter(x -> indexOfShown(x.name()) < 0).findFirst().orElse(null);
            if (c != null) {
                edits.addParameter(c);
            }
        });
        problems = new Label(left, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(problems);
        Label settings = new Label(body, SWT.NONE);
        settings.setText("Seeds, draws, the metric trials are compared by, early stopping (ASHA) and parallel trials:");
        form = new HyperparameterForm(body, "sweep", SweepSettings.declarations(), Map.of());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(form.getControl());
        form.addListener(edits::setSetting);
    }

    public Control control() {
        return group;
    }

    /** Shows a sweep (or none) and what can be swept; a text the user is typing in is left alone. */
    void update(@Nullable Sweep sweep, List<Candidate> sweepable, boolean editing) {
        updating = true;
        try {
            candidates = List.copyOf(sweepable);
            hasSweep = sweep != null;
            enabled.setSelection(hasSweep);
            List<SweptParameter> parameters = sweep == null ? List.of() : sweep.getParameters();
            boolean same = shown.size() == parameters.size();
            for (int i = 0; same && i < parameters.size(); i++) {
                same = shown.get(i).parameter == parameters.get(i);
            }
            if (!same) {
                shown.forEach(Row::dispose);
                shown.clear();
                for (SweptParameter p : parameters) {
                    shown.add(new Row(p));
                }
            }
            for (Row r : shown) {
                // new rows' widgets are not the ones being typed in
                r.show(editing && same);
            }
            if (sweep != null && (!editing || sweep != shownSweep)) {
                Map<String, String> values = new LinkedHashMap<>();
                for (SweepSettings.Setting s : SweepSettings.all()) {
                    if (sweep.eIsSet(s.attribute())) {
                        values.put(s.name(), s.text(sweep));
                    }
                }
                form.setValues(values);
            }
            shownSweep = sweep;
            body.setVisible(hasSweep);
            ((org.eclipse.swt.layout.GridData) body.getLayoutData()).exclude = !hasSweep;
            setEnabled(editable);
        } finally {
            updating = false;
        }
    }

    /**
     * Shows what the validation found in the sweep, or its trial count when nothing; says whether
     * the text changed.
     */
    boolean showProblems(@Nullable List<String> found, int trials) {
        String before = problems.getText();
        if (!hasSweep || found == null) {
            problems.setText("");
        } else if (found.isEmpty()) {
            problems.setText("Ready to sweep: " + trials + " trial" + (trials == 1 ? "" : "s") + ".");
            problems.setForeground(null);
        } else {
            problems.setText(found.size() == 1 ? found.get(0) : found.size() + " problems:\n" + String.join("\n", found));
            problems.setForeground(problems.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
        problems.setToolTipText(problems.getText());
        return !problems.getText().equals(before);
    }

    void setStatus(String text) {
        status.setText(text);
        status.setToolTipText(text);
    }

    void setRunning(boolean running) {
        cancelButton.setEnabled(running);
    }

    void setEnabled(boolean on) {
        editable = on;
        enabled.setEnabled(on);
        runButton.setEnabled(hasSweep);
        add.setEnabled(on && hasSweep);
        for (Row r : shown) {
            r.name.setEnabled(on);
            r.kind.setEnabled(on);
            r.values.setEditable(on);
            r.remove.setEnabled(on);
        }
        form.setEnabled(on);
    }

    private int indexOf(@Nullable String name) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfShown(String name) {
        for (int i = 0; i < shown.size(); i++) {
            if (name.equals(shown.get(i).parameter.getName())) {
                return i;
            }
        }
        return -1;
    }

    private @Nullable Candidate candidateAt(int index) {
        return index < 0 || index >= candidates.size() ? null : candidates.get(index);
    }

    // ---- for tests

    public HyperparameterForm form() {
        return form;
    }

    /** The texts of the bounds or values of each parameter's row. */
    public Text valuesText(int row) {
        return shown.get(row).values;
    }

    public Combo nameCombo(int row) {
        return shown.get(row).name;
    }

    public Combo kindCombo(int row) {
        return shown.get(row).kind;
    }

    public String problemsText() {
        return problems.getText();
    }

    public String statusText() {
        return status.getText();
    }

    public Button enabledButton() {
        return enabled;
    }

    public Button addButton() {
        return add;
    }

    public Button runButton() {
        return runButton;
    }

    public Button cancelButton() {
        return cancelButton;
    }
}
