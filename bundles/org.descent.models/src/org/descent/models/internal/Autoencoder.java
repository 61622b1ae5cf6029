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
 * The autoencoder ({@code autoencoder}) and the denoising autoencoder
 * ({@code denoising-autoencoder}): an encoder of dense layers {@code d → hidden… → code} and a
 * decoder mirroring it {@code code → …hidden reversed → d}, trained to reproduce the input. The
 * output row holds logits (with bce-logits) or values (with mse). The loss of a row is the bound
 * loss between output and input, summed over the row's values ({@code reduction=sum}, the source
 * material's L_H) or averaged ({@code mean}, as {@code F.mse_loss}); the reported loss is its
 * mean over rows.
 * <p>
 * The denoising variant corrupts the encoder's input during training passes only, with noise
 * drawn from {@code new SplitMix64(batch.seed())} in row-major order: {@code masking} sets each
 * value to 0 with probability {@code noise} (one {@code nextDouble()} per value), {@code gaussian}
 * adds {@code noise·N(0,1)} (one {@code nextGaussian()} per value). The target stays the clean
 * input, and evaluation passes see clean inputs.
 * <p>
 * Blocks: {@code encoder1.weight, encoder1.bias, …, code.weight, code.bias, decoder1.weight, …,
 * output.weight, output.bias}, weights {@code [out, in]}, initialised as {@code torch.nn.Linear}
 * from one SplitMix64 stream in block order.
 */
public class Autoencoder extends ReconstructionModel {

    private int code = 2;
    private boolean codeActivation;
    private boolean sum = true;
    private double noise;
    private boolean masking = true;
    private @Nullable DenseStack encoder;
    private @Nullable DenseStack decoder;

    @Override
    public void configure(Settings s) {
        super.configure(s);
        if (s.has("code")) {
            code = s.getInt("code");
        }
        codeActivation = s.getBoolean("code_activation");
        if (s.has("reduction")) {
            sum = s.getString("reduction").equals("sum");
        }
        noise = s.has("noise") ? s.getDouble("noise") : 0;
        if (s.has("noise_kind")) {
            masking = s.getString("noise_kind").equals("masking");
        }
        if (masking && noise >= 1) {
            throw new IllegalArgumentException(owner + ": hyperparameter 'noise' is " + noise
                    + ", but masking noise is a probability below 1 (gaussian noise takes any standard deviation)");
        }
    }

    @Override
    public List<ParameterBlock> bind(DataShape dataShape, LossFunction lossFunction) {
        bindReconstruction(dataShape, lossFunction);
        DenseStack enc = new DenseStack(names("encoder", hidden.length, "code"), widths(inputDim, hidden, code), activation,
                codeActivation, 0);
        DenseStack dec = new DenseStack(names("decoder", hidden.length, "output"), widths(code, mirrored(), inputDim),
                activation, false, enc.end());
        encoder = enc;
        decoder = dec;
        List<ParameterBlock> blocks = new ArrayList<>(enc.blocks());
        blocks.addAll(dec.blocks());
        return List.copyOf(blocks);
    }

    @Override
    public void initialise(double[] parameters, long seed) {
        SplitMix64 random = new SplitMix64(seed);
        stack(encoder).initialise(parameters, random);
        stack(decoder).initialise(parameters, random);
    }

    @Override
    public Evaluator evaluator(Precision precision, int maxBatch) {
        Kernels k = kernels(precision, maxBatch);
        return new AutoencoderEvaluator(stack(encoder).pass(k, maxBatch), stack(decoder).pass(k, maxBatch), maxBatch);
    }

    /** Passes through encoder and decoder with their buffers. */
    private final class AutoencoderEvaluator implements Evaluator {
        private final DenseStack.Pass enc;
        private final DenseStack.Pass dec;
        private final double[] clean;
        private final double[] input;
        private final double[] dOut;
        private final double[] dCode;

        AutoencoderEvaluator(DenseStack.Pass enc, DenseStack.Pass dec, int maxBatch) {
            this.enc = enc;
            this.dec = dec;
            clean = new double[maxBatch * inputDim];
            input = new double[maxBatch * inputDim];
            dOut = new double[maxBatch * inputDim];
            dCode = new double[maxBatch * code];
        }

        @Override
        public int outputDim() {
            return inputDim;
        }

        @Override
        public double[] forward(double[] parameters, Batch batch) {
            int n = batch.size();
            targets(batch, clean);
            int count = n * inputDim;
            System.arraycopy(clean, 0, input, 0, count);
            if (noise > 0 && batch.training()) {
                SplitMix64 random = new SplitMix64(batch.seed());
                for (int i = 0; i < count; i++) {
                    if (masking) {
                        if (random.nextDouble() < noise) {
                            input[i] = 0;
                        }
                    } else {
                        input[i] += noise * random.nextGaussian();
                    }
                }
            }
            return dec.forward(parameters, enc.forward(parameters, input, n), n);
        }

        @Override
        public double lossAndGradient(double[] parameters, Batch batch, double[] gradient) {
            int n = batch.size();
            double[] out = forward(parameters, batch);
            double value = reconstruction(n, out, clean, dOut, sum);
            dec.backward(parameters, dOut, n, gradient, dCode);
            enc.backward(parameters, dCode, n, gradient, null);
            return value;
        }

        @Override
        public Score score(double[] parameters, Batch batch, LossFunction loss, DataShape dataShape) {
            double[] out = forward(parameters, batch);
            return new Score(reconstruction(batch.size(), out, clean, null, sum), Double.NaN);
        }
    }
}
