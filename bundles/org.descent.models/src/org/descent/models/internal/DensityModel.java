package org.descent.models.internal;

import java.util.Arrays;
import java.util.List;

import org.descent.core.Batch;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.OutputKind;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Base of the unconditional density models: every example gets the same output row (the
 * distribution's parameters), so the gradient is the column sums of the loss's gradient,
 * mapped back through the parameterisation. These models compute in fp64 only.
 */
abstract class DensityModel implements Model {

    /** Who this is in messages, e.g. {@code model 'gaussian'}. */
    protected String owner = "model";
    private DataShape shape = new DataShape(0, 0, 0, 0);
    private @Nullable LossFunction loss;

    /** The loss kind the output row is laid out for. */
    abstract OutputKind kind();

    /** The parameter layout. */
    abstract List<ParameterBlock> blocks();

    /** Writes the output row from the parameters. */
    abstract void outputRow(double[] parameters, double[] row);

    /** Maps the summed gradient of the output row back to the parameters. */
    abstract void backward(double[] parameters, double[] rowGradient, double[] gradient);

    @Override
    public List<ParameterBlock> bind(DataShape dataShape, LossFunction lossFunction) {
        if (lossFunction.outputKind() != kind()) {
            throw new IllegalArgumentException(owner + " outputs the parameters of a "
                    + (kind() == OutputKind.GAUSSIAN ? "Gaussian: use it with --loss gaussian-nll"
                            : "Gaussian mixture: use it with --loss mixture-nll"));
        }
        int expected = lossFunction.outputDim(dataShape);
        int width = rowWidth();
        if (expected != width) {
            throw new IllegalArgumentException(owner + " outputs " + width + " values per example but the loss expects "
                    + expected + (kind() == OutputKind.MIXTURE ? ": give the loss the same k (--loss mixture-nll:k="
                            + width / 3 + ")" : ""));
        }
        this.shape = dataShape;
        this.loss = lossFunction;
        return blocks();
    }

    /** Values per output row. */
    abstract int rowWidth();

    @Override
    public Evaluator evaluator(Precision precision, int maxBatch) {
        if (precision != Precision.FP64) {
            throw new IllegalArgumentException(owner + " computes in fp64 only, not " + precision.id());
        }
        LossFunction bound = loss;
        if (bound == null) {
            throw new IllegalStateException(owner + " is not bound to data and a loss");
        }
        int width = rowWidth();
        double[] outputs = new double[maxBatch * width];
        double[] dOutputs = new double[maxBatch * width];
        double[] row = new double[width];
        double[] rowGradient = new double[width];
        return new Evaluator() {
            @Override
            public double[] forward(double[] parameters, Batch batch) {
                outputRow(parameters, row);
                for (int r = 0; r < batch.size(); r++) {
                    System.arraycopy(row, 0, outputs, r * width, width);
                }
                return outputs;
            }

            @Override
            public double lossAndGradient(double[] parameters, Batch batch, double[] gradient) {
                forward(parameters, batch);
                int n = batch.size();
                double value = bound.evaluate(n, shape, outputs, batch.targets(), dOutputs);
                Arrays.fill(rowGradient, 0);
                for (int r = 0; r < n; r++) {
                    for (int j = 0; j < width; j++) {
                        rowGradient[j] += dOutputs[r * width + j];
                    }
                }
                Arrays.fill(gradient, 0);
                backward(parameters, rowGradient, gradient);
                return value;
            }

            @Override
            public int outputDim() {
                return width;
            }
        };
    }
}
