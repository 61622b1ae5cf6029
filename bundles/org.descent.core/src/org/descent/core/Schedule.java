package org.descent.core;

/**
 * A learning-rate schedule: the learning rate of each step as a function of the base rate and
 * the number of steps already taken. Closed form, so it needs no state to resume.
 *
 * @since 0.1.0
 */
public interface Schedule extends Configurable {

    /**
     * @param baseRate the optimizer's configured learning rate
     * @param step the number of steps taken before this one (0 for the first step)
     * @return the learning rate for this step
     */
    double learningRate(double baseRate, long step);
}
