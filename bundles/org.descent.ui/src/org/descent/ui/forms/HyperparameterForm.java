package org.descent.ui.forms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.descent.core.Contribution;
import org.descent.core.Hyperparameter;
import org.descent.core.Settings;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

/**
 * A form generated from declared hyperparameters: one row per declaration with its name, a
 * widget chosen by type (a check box for {@code boolean}, a read-only combo for {@code choice},
 * a text field otherwise) and a hint with type, range and default. Tooltips show the
 * documentation. Text fields left empty mean "the default", which they show as their message.
 * <p>
 * Values are text, exactly as an experiment file or the command line holds them. Every edit is
 * checked with {@link Hyperparameter#parse(String)}; a value that does not parse gets an error
 * decoration whose message names the hyperparameter and what was expected, and is listed by
 * {@link #problems()}. Listeners hear every edit made in the form (not changes made through
 * {@link #setValues(Map)}). Use the form on the UI thread.
 *
 * @since 0.1.0
 */
public final class HyperparameterForm {

    /** Hears edits made by the user. */
    @FunctionalInterface
    public interface Listener {
        /**
         * A value was edited.
         *
         * @param name the hyperparameter
         * @param text the new text, or {@code null} when the field was emptied (back to the default)
         * @param problem what is wrong with the text, or {@code null} when it is valid
         */
        void changed(String name, @Nullable String text, @Nullable String problem);
    }

    /** One row: the declaration, its widget and its decoration. */
    private final class Field {
        final Hyperparameter declaration;
        final Control control;
        final ControlDecoration decoration;
        @Nullable
        String problem;
        /** For a text value offered in a drop-down ({@link #suggest}): the values of its items. */
        final List<String> suggested = new ArrayList<>();

        Field(Hyperparameter declaration, Control control) {
            this.declaration = declaration;
            this.control = control;
            this.decoration = new ControlDecoration(control, SWT.LEFT | SWT.TOP, body);
            Image error = FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR)
                    .getImage();
            decoration.setImage(error);
            decoration.hide();
        }

        /** The field's text; null for an empty text field. */
        @Nullable
        String text() {
            if (control instanceof Button b) {
                return Boolean.toString(b.getSelection());
            }
            if (control instanceof Combo c && declaration.type() == Hyperparameter.Type.CHOICE) {
                return c.getText();
            }
            if (control instanceof Combo c) {
                // an item shows its value with what it is: "opencl:0 - NVIDIA H100"
                String t = c.getText();
                int label = t.indexOf(LABEL);
                String value = (label < 0 ? t : t.substring(0, label)).strip();
                return value.isEmpty() ? null : value;
            }
            String t = ((Text) control).getText();
            return t.isBlank() ? null : t;
        }

        void show(@Nullable String text) {
            String value = text == null ? declaration.defaultText() : text;
            if (control instanceof Button b) {
                b.setSelection(Boolean.parseBoolean(value.strip()));
            } else if (control instanceof Combo c && declaration.type() != Hyperparameter.Type.CHOICE) {
                int index = suggested.indexOf(value.strip());
                if (index >= 0) {
                    c.select(index);
                } else if (!value.strip().equals(text())) {
                    c.setText(value);
                }
            } else if (control instanceof Combo c) {
                int index = declaration.choices().indexOf(value.strip());
                if (index >= 0) {
                    c.select(index);
                } else {
                    c.setText(value);
                }
            } else {
                Text t = (Text) control;
                String shown = text == null ? "" : text;
                if (!t.getText().equals(shown)) {
                    t.setText(shown);
                }
            }
        }

        void validate() {
            String text = text();
            String p = null;
            if (text != null) {
                try {
                    declaration.parse(text);
                } catch (IllegalArgumentException e) {
                    p = owner.isEmpty() ? e.getMessage() : owner + ": " + e.getMessage();
                }
            }
            problem = p;
            if (p == null) {
                decoration.hide();
            } else {
                decoration.setDescriptionText(p);
                decoration.show();
            }
        }
    }

    /** Between an offered value and what it is, in a drop-down's items. */
    static final String LABEL = " - ";

    private final Composite body;
    private final String owner;
    /** Text hyperparameters whose values are offered in a drop-down. */
    private final Set<String> offered;
    private final List<Hyperparameter> declared;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    /** Check boxes and combos given a value explicitly (they always show one). */
    private final Set<String> explicit = new HashSet<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private boolean updating;

    /**
     * Builds the form for a contribution's declared hyperparameters.
     *
     * @param values the current values as text (missing names show their default)
     */
    public HyperparameterForm(Composite parent, Contribution contribution, Map<String, String> values) {
        this(parent, contribution.kind() + " '" + contribution.id() + "'", contribution.hyperparameters(), values);
    }

    /**
     * Builds the form for a list of declarations.
     *
     * @param owner names the declarations' owner in problem messages ({@code optimizer 'adam'}),
     *            or is empty
     * @param values the current values as text (missing names show their default)
     */
    public HyperparameterForm(Composite parent, String owner, List<Hyperparameter> declared,
            Map<String, String> values) {
        this(parent, owner, declared, values, Set.of());
    }

    /**
     * Builds the form for a list of declarations, with some text hyperparameters in editable
     * drop-downs whose values {@link #suggest} offers later (the compute devices, found in a job).
     *
     * @param offered names of text hyperparameters shown as drop-downs
     */
    public HyperparameterForm(Composite parent, String owner, List<Hyperparameter> declared,
            Map<String, String> values, Set<String> offered) {
        this.owner = owner;
        this.offered = Set.copyOf(offered);
        this.declared = List.copyOf(declared);
        body = new Composite(parent, SWT.NONE);
        // room on the left of every field for its error decoration
        int indent = FieldDecorationRegistry.getDefault().getMaximumDecorationWidth() + 2;
        GridLayoutFactory.fillDefaults().numColumns(3).spacing(8, 5).applyTo(body);
        if (declared.isEmpty()) {
            Label none = new Label(body, SWT.NONE);
            none.setText("No hyperparameters.");
            GridDataFactory.fillDefaults().span(3, 1).applyTo(none);
        }
        for (Hyperparameter h : declared) {
            Label name = new Label(body, SWT.NONE);
            name.setText(h.name());
            name.setToolTipText(tooltip(h));
            Control control = create(h);
            control.setToolTipText(tooltip(h));
            GridDataFactory.fillDefaults().grab(true, false).indent(indent, 0).hint(140, SWT.DEFAULT)
                    .minSize(90, SWT.DEFAULT).applyTo(control);
            // on one line where the form has room; where it has not, field and hint both give some
            // up and the hint wraps (GridLayout shrinks only grabbing columns, down to their minimum)
            Label hint = new Label(body, SWT.WRAP);
            hint.setText(hint(h));
            GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER)
                    .hint(hint.computeSize(SWT.DEFAULT, SWT.DEFAULT).x, SWT.DEFAULT).minSize(90, SWT.DEFAULT)
                    .applyTo(hint);
            hint.setToolTipText(tooltip(h));
            hint.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
            Field field = new Field(h, control);
            fields.put(h.name(), field);
        }
        setValues(values);
    }

    private Control create(Hyperparameter h) {
        switch (h.type()) {
        case BOOLEAN: {
            Button b = new Button(body, SWT.CHECK);
            b.addListener(SWT.Selection, e -> edited(h.name()));
            return b;
        }
        case CHOICE: {
            Combo c = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
            c.setItems(h.choices().toArray(String[]::new));
            c.setVisibleItemCount(Math.min(12, h.choices().size()));
            c.addListener(SWT.Selection, e -> edited(h.name()));
            return c;
        }
        default: {
            if (offered.contains(h.name())) {
                Combo c = new Combo(body, SWT.DROP_DOWN);
                c.setItems(h.defaultText());
                c.addListener(SWT.Modify, e -> edited(h.name()));
                return c;
            }
            Text t = new Text(body, SWT.BORDER | SWT.SINGLE);
            t.setMessage(h.defaultText().isBlank() ? "" : "default " + h.defaultText());
            t.addListener(SWT.Modify, e -> edited(h.name()));
            return t;
        }
        }
    }

    /** "double in (0,inf), default 0.01": what the field takes. */
    static String hint(Hyperparameter h) {
        StringBuilder sb = new StringBuilder(h.type().id());
        Hyperparameter.Range r = h.range();
        if (r != null) {
            sb.append(" in ").append(r);
        }
        return h.defaultText().isBlank() ? sb.append(", empty by default").toString()
                : sb.append(", default ").append(h.defaultText()).toString();
    }

    private static String tooltip(Hyperparameter h) {
        return h.doc().isBlank() ? h.summary() : h.doc() + "\n\n" + h.summary();
    }

    private void edited(String name) {
        Field f = fields.get(name);
        if (updating || f == null) {
            return;
        }
        if (!(f.control instanceof Text)) {
            explicit.add(name);
        }
        f.validate();
        String text = f.text();
        String problem = f.problem;
        for (Listener l : listeners) {
            l.changed(name, text, problem);
        }
    }

    /**
     * Offers values in a drop-down made for them ({@code offered} in the constructor), each shown
     * with what it is ({@code opencl:0 - NVIDIA H100}); other text can still be typed. The value
     * shown stays, and listeners are not told.
     *
     * @param labels what each value is, one per value
     */
    public void suggest(String name, List<String> values, List<String> labels) {
        Field f = fields.get(name);
        if (f == null || !(f.control instanceof Combo c) || !offered.contains(name)) {
            throw new IllegalArgumentException("the form has no drop-down of offered values for '" + name + "'");
        }
        if (values.size() != labels.size()) {
            throw new IllegalArgumentException(values.size() + " values and " + labels.size() + " labels");
        }
        updating = true;
        try {
            String shown = f.text();
            f.suggested.clear();
            f.suggested.addAll(values);
            String[] items = new String[values.size()];
            for (int i = 0; i < items.length; i++) {
                items[i] = labels.get(i).isEmpty() ? values.get(i) : values.get(i) + LABEL + labels.get(i);
            }
            c.setItems(items);
            c.setVisibleItemCount(Math.min(12, Math.max(1, items.length)));
            f.show(shown);
        } finally {
            updating = false;
        }
    }

    /** The form's top control, to lay out in its parent. */
    public Composite getControl() {
        return body;
    }

    /** The declarations the form shows, in order. */
    public List<Hyperparameter> declarations() {
        return declared;
    }

    /** The widget of one hyperparameter (a {@link Button}, {@link Combo} or {@link Text}). */
    public Control control(String name) {
        Field f = fields.get(name);
        if (f == null) {
            throw new IllegalArgumentException("the form has no hyperparameter '" + name + "'; it has "
                    + String.join(", ", fields.keySet()));
        }
        return f.control;
    }

    /**
     * Shows values without telling the listeners; names not in the map show their default.
     * Unknown names are ignored.
     */
    public void setValues(Map<String, String> values) {
        updating = true;
        try {
            explicit.clear();
            for (Field f : fields.values()) {
                String text = values.get(f.declaration.name());
                if (text != null && !(f.control instanceof Text)) {
                    explicit.add(f.declaration.name());
                }
                f.show(text);
                f.validate();
            }
        } finally {
            updating = false;
        }
    }

    /**
     * The values given explicitly, as text, in declaration order: filled text fields, and check
     * boxes and combos that were set (by {@link #setValues(Map)} or by the user). What is left
     * out takes its default.
     */
    public Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            String name = f.declaration.name();
            String text = f.text();
            if (text != null && (f.control instanceof Text || explicit.contains(name))) {
                out.put(name, text);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** What is wrong, by hyperparameter name, in declaration order; empty when every value parses. */
    public Map<String, String> problems() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            String p = f.problem;
            if (p != null) {
                out.put(f.declaration.name(), p);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Whether every value parses. */
    public boolean isValid() {
        return problems().isEmpty();
    }

    /**
     * The values resolved against the declarations, defaults filled in.
     *
     * @throws IllegalArgumentException naming the first hyperparameter that is wrong
     */
    public Settings settings() {
        return Settings.resolve(owner, declared, values());
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Enables or disables every field (a read-only view of a run's experiment). */
    public void setEnabled(boolean enabled) {
        for (Field f : fields.values()) {
            f.control.setEnabled(enabled);
        }
    }
}
