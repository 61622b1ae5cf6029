package org.descent.compute;

import java.util.ArrayList;
import java.util.List;

/**
 * A fused element-wise optimizer update that {@link Ops#update} applies on the device, with the
 * formulas of Descent's built-in host optimizers (org.descent.optimizers, after PyTorch 1.13's
 * {@code torch.optim}). The per-parameter state arrays have the names and order of
 * {@link #stateArrays()}, the names the host optimizers save, so a run can move its optimizer
 * state between host and device.
 * <p>
 * <b>Arithmetic.</b> Each record's comment gives the update of one element in the order it is
 * evaluated; {@code p} is the parameter, {@code g} its gradient, {@code t} the 1-based step and
 * {@code lr} the learning rate of the step. The per-step scalars it names (such as
 * {@code stepSize}) and every coefficient written in parentheses (such as {@code (1 − β1)} or
 * {@code (−lr)}) are computed on the host in double and then rounded once to the tensors'
 * precision; everything else is evaluated element by element in the tensors' precision, without
 * fused multiply-adds (OpenCL: {@code #pragma OPENCL FP_CONTRACT OFF}). In fp64 the result is
 * therefore bit for bit the host optimizer's; in fp32 it is the same formula in float.
 * {@code sqrt} is correctly rounded in both precisions.
 *
 * @since 0.1.0
 */
public sealed interface UpdateRule {

    /** Names of the per-parameter state arrays, in the order {@link Ops#update} takes them. */
    List<String> stateArrays();

    /** The value a state array starts with (0 unless stated). */
    default double initialValue(String array) {
        return 0;
    }

    /**
     * SGD with momentum, dampening, Nesterov momentum and L2 weight decay ({@code gd}, {@code sgd},
     * {@code momentum}, {@code nesterov}). State: {@code momentum_buffer} (b) when momentum ≠ 0.
     * <pre>
     * d = weightDecay ≠ 0 ? g + (weightDecay)·p : g
     * if momentum ≠ 0:
     *     b = t == 1 ? d : b·(momentum) + (1 − dampening)·d
     *     d = nesterov ? d + (momentum)·b : b
     * p = p + (−lr)·d
     * </pre>
     */
    record Sgd(double momentum, double dampening, boolean nesterov, double weightDecay) implements UpdateRule {
        @Override
        public List<String> stateArrays() {
            return momentum != 0 ? List.of("momentum_buffer") : List.of();
        }
    }

    /**
     * Adam and AdamW ({@code adam}, {@code adamw}). State: {@code exp_avg} (m), {@code exp_avg_sq}
     * (v) and, with AMSGrad, {@code max_exp_avg_sq} (vmax). Per-step scalars:
     * {@code bc1 = biasCorrection ? 1 − β1^t : 1}, {@code bc2Sqrt = biasCorrection ? √(1 − β2^t) : 1}
     * ({@code Math.pow}, {@code Math.sqrt}), {@code stepSize = lr/bc1}.
     * <p>
     * Without AMSGrad, decoupling and weight decay (the common case):
     * <pre>
     * m = m·(β1) + (1 − β1)·g
     * v = v·(β2) + (1 − β2)·(g·g)
     * p = p + (−stepSize)·(m/(sqrt(v)·(1/bc2Sqrt) + (eps)))
     * </pre>
     * Otherwise:
     * <pre>
     * d = g
     * if decoupled: p = p·(1 − lr·weightDecay)  else if weightDecay ≠ 0: d = d + (weightDecay)·p
     * m = m·(β1) + (1 − β1)·d
     * v = v·(β2) + (1 − β2)·(d·d)
     * s = amsgrad ? (vmax = max(vmax, v)) : v
     * p = p + (−stepSize)·(m/(sqrt(s)/(bc2Sqrt) + (eps)))
     * </pre>
     */
    record Adam(double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean biasCorrection,
            boolean decoupled) implements UpdateRule {
        @Override
        public List<String> stateArrays() {
            return amsgrad ? List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq") : List.of("exp_avg", "exp_avg_sq");
        }

        /** Whether the update takes the common case's formula (see the record's comment). */
        public boolean plain() {
            return !amsgrad && !decoupled && weightDecay == 0;
        }
    }

    /**
     * RMSProp, plain or centered, with optional momentum ({@code rmsprop}). State:
     * {@code square_avg} (v), {@code momentum_buffer} (b) when momentum &gt; 0, {@code grad_avg} (a)
     * when centered, in this order.
     * <pre>
     * d = weightDecay ≠ 0 ? g + (weightDecay)·p : g
     * v = v·(α) + (1 − α)·(d·d)
     * if centered: a = a·(α) + (1 − α)·d;  avg = sqrt(v − a·a) + (eps)
     * else:        avg = sqrt(v) + (eps)
     * if momentum &gt; 0: b = b·(momentum) + d/avg;  p = p + (−lr)·b
     * else:             p = p + (−lr)·(d/avg)
     * </pre>
     */
    record RmsProp(double alpha, double eps, double momentum, boolean centered, double weightDecay)
            implements UpdateRule {
        @Override
        public List<String> stateArrays() {
            List<String> names = new ArrayList<>(List.of("square_avg"));
            if (momentum > 0) {
                names.add("momentum_buffer");
            }
            if (centered) {
                names.add("grad_avg");
            }
            return List.copyOf(names);
        }
    }

    /**
     * Adagrad ({@code adagrad}). State: {@code sum} (s), starting at {@code initialAccumulator}.
     * Per-step scalar: {@code clr = lr/(1 + (t − 1)·lrDecay)}.
     * <pre>
     * d = weightDecay ≠ 0 ? g + (weightDecay)·p : g
     * s = s + d·d
     * p = p + (−clr)·(d/(sqrt(s) + (eps)))
     * </pre>
     */
    record Adagrad(double lrDecay, double initialAccumulator, double eps, double weightDecay) implements UpdateRule {
        @Override
        public List<String> stateArrays() {
            return List.of("sum");
        }

        @Override
        public double initialValue(String array) {
            return initialAccumulator;
        }
    }

    /**
     * Adadelta ({@code adadelta}). State: {@code square_avg} (v), {@code acc_delta} (u).
     * <pre>
     * d = weightDecay ≠ 0 ? g + (weightDecay)·p : g
     * v = v·(ρ) + (1 − ρ)·(d·d)
     * std = sqrt(v + (eps))
     * delta = sqrt(u + (eps))/std·d
     * u = u·(ρ) + (1 − ρ)·(delta·delta)
     * p = p + (−lr)·delta
     * </pre>
     */
    record Adadelta(double rho, double eps, double weightDecay) implements UpdateRule {
        @Override
        public List<String> stateArrays() {
            return List.of("square_avg", "acc_delta");
        }
    }
}
