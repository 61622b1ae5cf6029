package org.descent.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.descent.core.Contribution;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Setting;
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

/**
 * One component of an experiment in the editor: a combo listing the contributions that can fill
 * its role, the chosen one's description, and the form generated from its hyperparameters.
 */
final class ComponentSection {

    /** Shown in an optional role's combo for "no component". */
    static final String NONE = "(none)";

    private final Group group;
    private final Combo combo;
    private final Label description;
    private final Composite formHolder;
    private final List<Contribution> choices;
    private final boolean optional;
    private final HyperparameterForm.Listener settingListener;
    private @Nullable HyperparameterForm form;
    /** The id the combo and form show; null for none. */
    private @Nullable String shownId;
    private boolean updating;
    private boolean enabled = true;

    /**
     * @param onIdChanged hears the id the user chose (null: none)
     * @param onRemove when not null, a Remove button calls it
     */
    ComponentSection(Composite parent, String title, List<Contribution> choices, boolean optional,
            Consumer<@Nullable String> onIdChanged, HyperparameterForm.Listener settingListener,
            @Nullable Runnable onRemove) {
        this.choices = List.copyOf(choices);
        this.optional = optional;
        this.settingListener = settingListener;
        group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridLayoutFactory.swtDefaults().numColumns(onRemove == null ? 1 : 2).spacing(6, 4).applyTo(group);
        combo = new Combo(group, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setVisibleItemCount(16);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(combo);
        if (onRemove != null) {
            Button remove = new Button(group, SWT.PUSH);
            remove.setText("Remove");
            remove.setToolTipText("Remove this " + title.toLowerCase(java.util.Locale.ROOT) + " from the experiment");
            remove.addListener(SWT.Selection, e -> onRemove.run());
        }
        combo.addListener(SWT.Selection, e -> {
            if (updating) {
                return;
            }
            String id = idAt(combo.getSelectionIndex());
            if (id == null ? shownId != null : !id.equals(shownId)) {
                onIdChanged.accept(id);
            }
        });
        description = new Label(group, SWT.WRAP);
        description.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).span(onRemove == null ? 1 : 2, 1)
                .applyTo(description);
        formHolder = new Composite(group, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(formHolder);
        GridDataFactory.fillDefaults().grab(true, false).span(onRemove == null ? 1 : 2, 1).applyTo(formHolder);
    }

    Group control() {
        return group;
    }

    Combo combo() {
        return combo;
    }

    /** The chosen contribution's description as shown. */
    String descriptionText() {
        return description.getText();
    }

    @Nullable
    HyperparameterForm form() {
        return form;
    }

    private List<String> items(@Nullable String id) {
        List<String> items = new ArrayList<>();
        if (optional) {
            items.add(NONE);
        }
        if (id != null && choices.stream().noneMatch(c -> c.id().equals(id))) {
            items.add(id + " (not installed)");
        }
        for (Contribution c : choices) {
            items.add(c.id() + " \u2014 " + c.name());
        }
        return items;
    }

    private @Nullable String idAt(int index) {
        if (index < 0) {
            return shownId;
        }
        String item = combo.getItem(index);
        if (optional && index == 0) {
            return null;
        }
        int dash = item.indexOf(" \u2014 ");
        if (dash >= 0) {
            return item.substring(0, dash);
        }
        return item.endsWith(" (not installed)") ? item.substring(0, item.length() - " (not installed)".length())
                : item;
    }

    /**
     * Shows a component: rebuilds the form when the id changed, otherwise puts the values into
     * the form unless the user is typing in it ({@code fromForm}).
     */
    void update(@Nullable Component component, boolean fromForm) {
        String id = component == null ? null : component.getId();
        Map<String, String> values = values(component);
        updating = true;
        try {
            if (form == null || (id == null ? shownId != null : !id.equals(shownId)) || combo.getItemCount() == 0) {
                shownId = id;
                List<String> items = items(id);
                combo.setItems(items.toArray(String[]::new));
                int index = 0;
                for (int i = 0; i < items.size(); i++) {
                    if (id != null ? id.equals(idAt(i)) : i == 0) {
                        index = i;
                        break;
                    }
                }
                combo.select(index);
                rebuildForm(id, values);
            } else if (!fromForm) {
                HyperparameterForm f = form;
                if (f != null) {
                    f.setValues(values);
                }
            }
        } finally {
            updating = false;
        }
    }

    private void rebuildForm(@Nullable String id, Map<String, String> values) {
        for (Control c : formHolder.getChildren()) {
            c.dispose();
        }
        form = null;
        Contribution c = id == null ? null : choices.stream().filter(x -> x.id().equals(id)).findFirst().orElse(null);
        if (c == null) {
            description.setText(id == null ? "None." : "No contribution '" + id + "' is installed: choose another one.");
            description.setToolTipText(null);
        } else {
            description.setText(c.description().isBlank() ? c.name() : c.description());
            description.setToolTipText(c.description().isBlank() ? c.label() : c.description() + "\n\n" + c.label());
            HyperparameterForm f = new HyperparameterForm(formHolder, c, values);
            GridDataFactory.fillDefaults().grab(true, false).applyTo(f.getControl());
            f.addListener(settingListener);
            f.setEnabled(enabled);
            form = f;
        }
        // the editor lays its form out once it has shown the whole experiment
    }

    static Map<String, String> values(@Nullable Component component) {
        Map<String, String> values = new LinkedHashMap<>();
        if (component != null) {
            for (Setting s : component.getSettings()) {
                values.put(s.getName(), s.getValue() == null ? "" : s.getValue());
            }
        }
        return values;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
        combo.setEnabled(enabled);
        HyperparameterForm f = form;
        if (f != null) {
            f.setEnabled(enabled);
        }
        for (Control c : group.getChildren()) {
            if (c instanceof Button) {
                c.setEnabled(enabled);
            }
        }
    }
}
