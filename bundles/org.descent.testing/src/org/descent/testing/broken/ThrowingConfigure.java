package org.descent.testing.broken;

import org.descent.core.Settings;

/** An optimizer whose {@code configure} throws an exception that is not a bad-value report. */
public class ThrowingConfigure extends PlainDescent {

    /** What {@code configure} says. */
    public static final String MESSAGE = "the native kernel is not available on this machine";

    @Override
    public void configure(Settings settings) {
        throw new UnsupportedOperationException(MESSAGE, new UnsatisfiedLinkError("no broken-kernel in java.library.path"));
    }
}
