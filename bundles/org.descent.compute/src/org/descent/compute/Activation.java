package org.descent.compute;

/**
 * The element-wise activations and their derivatives, taken from the outputs {@code y} (so the
 * backward pass needs no inputs):
 * <ul>
 * <li>{@code IDENTITY}: y = x; dx = dy.</li>
 * <li>{@code RELU}: y = x &gt; 0 ? x : 0; dx = y &gt; 0 ? dy : 0.</li>
 * <li>{@code TANH}: y = tanh(x); dx = dy·(1 − y·y).</li>
 * <li>{@code SIGMOID}: y = x ≥ 0 ? 1/(1 + e^−x) : e^x/(1 + e^x); dx = dy·y·(1 − y), evaluated
 * as {@code (dy·y)·(1 − y)}.</li>
 * </ul>
 * In fp32 tanh, exp and the sigmoid are allowed an error of a few ulp (OpenCL's
 * {@code native_} functions are not allowed; the standard ones are).
 *
 * @since 0.1.0
 */
public enum Activation {
    IDENTITY, RELU, TANH, SIGMOID
}
