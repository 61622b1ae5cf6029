package org.descent.core.tests;

/** A class the test contributions point to; it is created through the registry. */
public class TestOptimizer implements Runnable {

    @Override
    public void run() {
        // Nothing to do: the tests only check that the registry creates it with the right type.
    }
}
