package org.descent.losses.internal;

import org.descent.core.DataShape;
import org.descent.losses.ClassTargets;
import org.descent.core.LossFunction;
import org.descent.core.OutputKind;
import org.descent.core.Settings;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Multi-class hinge loss, as {@code torch.nn.functional.multi_margin_loss} with p = 1:
 * {@code Σ_{j≠y} max(0, margin − z_y + z_j) / C} per row.
 */
public final class MultiMargin implements LossFunction {

    private double margin;

    @Override
    public void configure(Settings settings) {
        margin = settings.getDouble("margin");
    }

    @Override
    public OutputKind outputKind() {
        return OutputKind.LOGITS;
    }

    @Override
    public int outputDim(DataShape shape) {
        return ClassTargets.requireClasses("multi-margin", shape);
    }

    @Override
    public double evaluate(int n, DataShape shape, double[] outputs, double[] targets, double @Nullable [] gradient) {
        int c = shape.classes();
        double sum = 0;
        for (int r = 0; r < n; r++) {
            int o = r * c;
            int y = ClassTargets.label(targets[r], c, r);
            if (gradient != null) {
                java.util.Arrays.fill(gradient, o, o + c, 0);
            }
            for (int j = 0; j < c; j++) {
                if (j == y) {
                    continue;
                }
                double h = margin - outputs[o + y] + outputs[o + j];
                if (h > 0) {
                    sum += h / c;
                    if (gradient != null) {
                        gradient[o + j] += 1.0 / c / n;
                        gradient[o + y] -= 1.0 / c / n;
                    }
                }
            }
        }
        return sum / n;
    }

    @Override
    public double correct(int n, DataShape shape, double[] outputs, double[] targets) {
        return ClassTargets.argmaxCorrect(n, shape.classes(), outputs, targets);
    }
}
