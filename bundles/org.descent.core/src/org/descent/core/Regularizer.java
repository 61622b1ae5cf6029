package org.descent.core;

import java.util.List;

/**
 * A penalty on the parameters added to the loss (weight decay as a prior). Contributed to the
 * losses extension point as a {@code regularizer} element.
 *
 * @since 0.1.0
 */
public interface Regularizer extends Configurable {

    /** Called once with the model's parameter layout and the training data's shape. */
    void bind(List<ParameterBlock> blocks, DataShape shape);

    /**
     * Adds the penalty's gradient to {@code gradient}.
     *
     * @return the penalty's value at {@code parameters}
     */
    double addPenalty(double[] parameters, double[] gradient);
}
