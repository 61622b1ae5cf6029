package org.descent.experiment;

import java.util.LinkedHashMap;
import java.util.Map;

import org.descent.core.ComponentSpec;
import org.descent.core.Contribution;
import org.descent.core.Hyperparameter;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.Setting;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Experiment components from the command line's {@code ID:name=value,...} specs.
 *
 * @since 0.1.0
 */
public final class Components {

    private Components() {
    }

    /** The component of a parsed spec, its settings in the spec's order. */
    public static Component of(ComponentSpec spec) {
        ExperimentFactory f = ExperimentFactory.eINSTANCE;
        Component c = f.createComponent();
        c.setId(spec.id());
        spec.values().forEach((k, v) -> {
            Setting s = f.createSetting();
            s.setName(k);
            s.setValue(v);
            c.getSettings().add(s);
        });
        return c;
    }

    /**
     * The settings that survive switching a component from one contribution to another: a value
     * is kept when the new contribution declares a hyperparameter of the same name, type and
     * default (so it means the same there, as a weight decay of two optimizers does) and accepts
     * the value; every other value is dropped, so that the new contribution's declared defaults
     * apply (SGD's learning rate of 0.01 does not become Adam's, whose default is 0.001).
     *
     * @param from the contribution switched from, or null when it is not installed (nothing is kept then)
     * @param values the settings given for {@code from}, by name
     * @return the settings to give {@code to}, in the order of {@code values}
     */
    public static Map<String, String> carriedOver(@Nullable Contribution from,
            Contribution to, Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (from == null) {
            return kept;
        }
        values.forEach((name, value) -> {
            Hyperparameter was = from.hyperparameter(name).orElse(null);
            Hyperparameter now = to.hyperparameter(name).orElse(null);
            if (was != null && now != null && was.type() == now.type() && was.defaultText().equals(now.defaultText())
                    && now.problem(value) == null) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /**
     * The component of a spec such as {@code adam:lr=1e-3}.
     *
     * @throws IllegalArgumentException when the spec is malformed (the message says where)
     */
    public static Component of(String spec) {
        return of(ComponentSpec.parse(spec));
    }
}
