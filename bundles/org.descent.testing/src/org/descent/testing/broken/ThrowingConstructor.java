package org.descent.testing.broken;

/** An optimizer whose constructor throws, as one that needs a file it cannot find. */
public class ThrowingConstructor extends PlainDescent {

    /** What the constructor says. */
    public static final String MESSAGE = "the licence file broken.key is missing";

    public ThrowingConstructor() {
        throw new IllegalStateException(MESSAGE);
    }
}
