package org.descent.experiment;

import org.descent.core.ComponentSpec;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.Setting;

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
     * The component of a spec such as {@code adam:lr=1e-3}.
     *
     * @throws IllegalArgumentException when the spec is malformed (the message says where)
     */
    public static Component of(String spec) {
        return of(ComponentSpec.parse(spec));
    }
}
