package org.descent.models.internal;

import java.util.Locale;

/** Hidden-layer activations. */
enum Activation {
    RELU, TANH, SIGMOID;

    static Activation parse(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
