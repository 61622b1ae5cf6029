package org.descent.testing.broken;

/** An optimizer the registry cannot create: its only constructor takes an argument. */
public class WithoutDefaultConstructor extends PlainDescent {

    public WithoutDefaultConstructor(double lr) {
        // the registry creates classes with their public no-argument constructor; this one has none
    }
}
