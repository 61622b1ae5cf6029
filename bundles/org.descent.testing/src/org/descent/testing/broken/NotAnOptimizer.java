package org.descent.testing.broken;

/** A class that exists but is of the wrong type for the optimizers' point. */
public class NotAnOptimizer {
}
