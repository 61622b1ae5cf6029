package org.descent.core;

/**
 * A contributed implementation configured once from its resolved hyperparameters. The engine
 * calls {@link #configure(Settings)} exactly once, right after creating the object and before
 * any other method; the values never change afterwards.
 *
 * @since 0.1.0
 */
public interface Configurable {

    /**
     * Takes the resolved hyperparameter values.
     *
     * @throws IllegalArgumentException when values that are valid one by one do not fit
     *             together; the message names them
     */
    void configure(Settings settings);
}
