package org.descent.testing.broken;

import org.descent.core.Analysis;
import org.descent.core.AnalysisInput;
import org.descent.core.AnalysisResult;
import org.descent.core.Settings;
import org.eclipse.core.runtime.IProgressMonitor;

/** An analysis (of no subject) whose {@code analyze} throws, as one with a numerical bug would. */
public class ThrowingAnalysis implements Analysis {

    /** What {@code analyze} says. */
    public static final String MESSAGE = "the eigensolver did not converge";

    @Override
    public void configure(Settings settings) {
    }

    @Override
    public AnalysisResult analyze(AnalysisInput input, IProgressMonitor monitor) {
        throw new ArithmeticException(MESSAGE);
    }
}
