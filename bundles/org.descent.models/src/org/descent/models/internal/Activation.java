package org.descent.models.internal;

import java.util.Locale;

/** Hidden-layer activations. */
public enum Activation {
    RELU, TANH, SIGMOID;

    /** The activation with this id (relu, tanh, sigmoid). */
    public static Activation parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
