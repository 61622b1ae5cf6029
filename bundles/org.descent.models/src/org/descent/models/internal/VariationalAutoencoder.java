package org.descent.models.internal;

import java.util.ArrayList;
import java.util.List;

import org.descent.core.Batch;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The variational autoencoder of Kingma and Welling ({@code vae}), and its conditional form
 * ({@link ConditionalVae}). The encoder {@code d → hidden…} (each layer followed by the
 * activation) ends in two linear heads, μ and log σ², of {@code latent} values each; the
 * reparameterization {@code z = μ + exp(½ log σ²)·ε} takes {@code ε ~ N(0, I)} from
 * {@code new SplitMix64(batch.seed())} ({@code nextGaussian()}, row-major over the batch's
 * {@code n x latent} values); the decoder {@code z → …hidden reversed → d} outputs logits (with
 * bce-logits: a Bernoulli decoder) or values (with mse: a Gaussian decoder of fixed variance, up
 * to scale and constant).
 * <p>
 * The loss of a row is the negative ELBO with one sample of z: the bound loss between output and
 * input summed over the row's values (as Kingma and Welling and PyTorch's VAE example do), plus
 * {@code beta} times the analytic {@code KL(q(z|x) ‖ N(0, I)) = −½ Σ (1 + log σ² − μ² − σ²)};
 * the reported loss is its mean over the rows. Evaluation ({@link Evaluator#score}) computes the
 * same one-sample estimate with ε from the evaluation batch's seed; {@link Evaluator#forward} in
 * evaluation mode decodes {@code z = μ} (the mean reconstruction) and in training mode the sample.
 * <p>
 * Blocks: {@code encoder1.weight, encoder1.bias, …, mu.weight, mu.bias, logvar.weight,
 * logvar.bias, decoder1.weight, …, output.weight, output.bias}, weights {@code [out, in]},
 * initialised as {@code torch.nn.Linear} from one SplitMix64 stream in block order. With
 * {@code hidden=none} the heads read the input and the decoder is one layer.
 */
public class VariationalAutoencoder extends ReconstructionModel {

    private final boolean conditional;
    private int latent = 2;
    private double beta = 1;
    /** Classes of the one-hot condition (0 when unconditional). */
    private int classes;
    private @Nullable DenseStack encoder;
    private @Nullable DenseStack mu;
    private @Nullable DenseStack logvar;
    private @Nullable DenseStack decoder;

    /** The unconditional VAE. */
    public VariationalAutoencoder() {
        this(false);
    }

    /** A VAE that concatenates the one-hot class label to the encoder's input and to z when conditional. */
    protected VariationalAutoencoder(boolean conditional) {
        this.conditional = conditional;
    }

    @Override
    public void configure(Settings s) {
        super.configure(s);
        if (s.has("latent")) {
            latent = s.getInt("latent");
        }
        beta = s.getDouble("beta");
    }

    @Override
    public List<ParameterBlock> bind(DataShape dataShape, LossFunction lossFunction) {
        if (conditional && !(dataShape.isClassification() && dataShape.targetDim() == 1)) {
            throw new IllegalArgumentException(owner + " conditions on the class label: it needs a data set with"
                    + " class targets (digits, blobs, csv with label=COLUMN); this one has " + dataShape.targetDim()
                    + " real-valued target column(s)");
        }
        bindReconstruction(dataShape, lossFunction);
        classes = conditional ? dataShape.classes() : 0;
        int in = inputDim + classes;
        int last = hidden.length == 0 ? in : hidden[hidden.length - 1];
        String[] encoderNames = new String[hidden.length];
        for (int i = 0; i < hidden.length; i++) {
            encoderNames[i] = "encoder" + (i + 1);
        }
        DenseStack enc = new DenseStack(encoderNames, widths(in, hidden), activation, true, 0);
        DenseStack m = new DenseStack(new String[] { "mu" }, new int[] { last, latent }, activation, false, enc.end());
        DenseStack v = new DenseStack(new String[] { "logvar" }, new int[] { last, latent }, activation, false, m.end());
        DenseStack dec = new DenseStack(names("decoder", hidden.length, "output"),
                widths(latent + classes, mirrored(), inputDim), activation, false, v.end());
        encoder = enc;
        mu = m;
        logvar = v;
        decoder = dec;
        List<ParameterBlock> blocks = new ArrayList<>(enc.blocks());
        blocks.addAll(m.blocks());
        blocks.addAll(v.blocks());
        blocks.addAll(dec.blocks());
        return List.copyOf(blocks);
    }

    private static int[] widths(int first, int[] rest) {
        int[] w = new int[rest.length + 1];
        w[0] = first;
        System.arraycopy(rest, 0, w, 1, rest.length);
        return w;
    }

    @Override
    public void initialise(double[] parameters, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        stack(encoder).initialise(parameters, random);
        stack(mu).initialise(parameters, random);
        stack(logvar).initialise(parameters, random);
        stack(decoder).initialise(parameters, random);
    }

    @Override
    public Evaluator evaluator(Precision precision, int maxBatch) {
        return new VaeEvaluator(kernels(precision, maxBatch), maxBatch);
    }

    /** The passes of the four stacks with their buffers. */
    private final class VaeEvaluator implements Evaluator {
        private final DenseStack.Pass enc;
        private final DenseStack.Pass muPass;
        private final DenseStack.Pass logvarPass;
        private final DenseStack.Pass dec;
        private final double[] target;
        private final double[] input;
        private final double[] eps;
        private final double[] sigma;
        private final double[] z;
        private final double[] dOut;
        private final double[] dz;
        private final double[] dMu;
        private final double[] dLogvar;
        private final double[] dHidden;
        private final double[] dHiddenLogvar;
        private double[] mean = new double[0];
        private double[] logVariance = new double[0];

        VaeEvaluator(Kernels k, int maxBatch) {
            enc = stack(encoder).pass(k, maxBatch);
            muPass = stack(mu).pass(k, maxBatch);
            logvarPass = stack(logvar).pass(k, maxBatch);
            dec = stack(decoder).pass(k, maxBatch);
            int h = stack(mu).inputWidth();
            target = new double[maxBatch * inputDim];
            input = new double[maxBatch * (inputDim + classes)];
            eps = new double[maxBatch * latent];
            sigma = new double[maxBatch * latent];
            z = new double[maxBatch * (latent + classes)];
            dOut = new double[maxBatch * inputDim];
            dz = new double[maxBatch * (latent + classes)];
            dMu = new double[maxBatch * latent];
            dLogvar = new double[maxBatch * latent];
            dHidden = new double[maxBatch * h];
            dHiddenLogvar = new double[maxBatch * h];
        }

        @Override
        public int outputDim() {
            return inputDim;
        }

        /** Encodes, draws z (ε = 0 unless {@code sample}) and decodes; returns the decoder's output. */
        private double[] pass(double[] parameters, Batch batch, boolean sample) {
            int n = batch.size();
            targets(batch, target);
            int in = inputDim + classes;
            for (int r = 0; r < n; r++) {
                System.arraycopy(target, r * inputDim, input, r * in, inputDim);
                oneHot(batch, r, input, r * in + inputDim);
            }
            double[] h = enc.forward(parameters, input, n);
            mean = muPass.forward(parameters, h, n);
            logVariance = logvarPass.forward(parameters, h, n);
            SplitMix64 random = new SplitMix64(batch.seed());
            int width = latent + classes;
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < latent; j++) {
                    int i = r * latent + j;
                    eps[i] = sample ? random.nextGaussian() : 0;
                    sigma[i] = Math.exp(0.5 * logVariance[i]);
                    z[r * width + j] = mean[i] + sigma[i] * eps[i];
                }
                oneHot(batch, r, z, r * width + latent);
            }
            return dec.forward(parameters, z, n);
        }

        /** Writes row {@code r}'s one-hot class label at {@code at} (nothing when unconditional). */
        private void oneHot(Batch batch, int r, double[] into, int at) {
            if (classes == 0) {
                return;
            }
            double label = batch.targets()[r];
            int c = (int) label;
            if (c != label || c < 0 || c >= classes) {
                throw new IllegalArgumentException(owner + ": row " + (r + 1) + " of the batch has label " + label
                        + ", expected a class index in 0.." + (classes - 1));
            }
            for (int k = 0; k < classes; k++) {
                into[at + k] = k == c ? 1 : 0;
            }
        }

        /** Mean over rows of KL(q(z|x) ‖ N(0, I)) of the last pass. */
        private double kl(int n) {
            double sum = 0;
            for (int i = 0; i < n * latent; i++) {
                sum += 1 + logVariance[i] - mean[i] * mean[i] - sigma[i] * sigma[i];
            }
            return -0.5 * sum / n;
        }

        @Override
        public double[] forward(double[] parameters, Batch batch) {
            return pass(parameters, batch, batch.training());
        }

        @Override
        public double lossAndGradient(double[] parameters, Batch batch, double[] gradient) {
            int n = batch.size();
            double[] out = pass(parameters, batch, true);
            double value = reconstruction(n, out, target, dOut, true) + beta * kl(n);
            dec.backward(parameters, dOut, n, gradient, dz);
            int width = latent + classes;
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < latent; j++) {
                    int i = r * latent + j;
                    double g = dz[r * width + j];
                    dMu[i] = g + beta * mean[i] / n;
                    dLogvar[i] = 0.5 * (g * eps[i] * sigma[i] + beta * (sigma[i] * sigma[i] - 1) / n);
                }
            }
            boolean encoderHasLayers = hidden.length > 0;
            muPass.backward(parameters, dMu, n, gradient, encoderHasLayers ? dHidden : null);
            logvarPass.backward(parameters, dLogvar, n, gradient, encoderHasLayers ? dHiddenLogvar : null);
            if (encoderHasLayers) {
                for (int i = 0; i < n * hidden[hidden.length - 1]; i++) {
                    dHidden[i] += dHiddenLogvar[i];
                }
                enc.backward(parameters, dHidden, n, gradient, null);
            }
            return value;
        }

        @Override
        public Score score(double[] parameters, Batch batch, LossFunction loss, DataShape dataShape) {
            int n = batch.size();
            double[] out = pass(parameters, batch, true);
            return new Score(reconstruction(n, out, target, null, true) + beta * kl(n), Double.NaN);
        }
    }
}
