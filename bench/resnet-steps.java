import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.descent.compute.DeviceModel;
import org.descent.compute.cpu.internal.CpuBackend;
import org.descent.compute.cpu.internal.CpuDevice;
import org.descent.core.Batch;
import org.descent.core.Blas;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Hyperparameter;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Settings;
import org.descent.core.SplitMix64;
import org.descent.losses.internal.CrossEntropy;
import org.descent.models.internal.ResNet;

/**
 * Descent's side of bench/resnet-steps: ResNet-20's loss and gradient in fp32 on the cpu device,
 * BATCH examples of Gaussian 3x32x32 inputs and labels 0..9, WARMUP untimed steps then STEPS timed
 * ones, on THREADS threads (default 1) with fixed convolution plans.
 * Run with the source launcher: java -cp CLASSPATH resnet-steps.java BATCH WARMUP STEPS [THREADS]
 */
class ResnetSteps {

    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length < 3) {
            System.err.println("usage: resnet-steps BATCH WARMUP STEPS [THREADS]");
            System.exit(2);
        }
        int batch = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Blas blas = (Blas) Class.forName("org.descent.nd4j.internal.OpenBlas").getConstructor().newInstance();
        CpuDevice device = new CpuDevice(new CpuBackend(), blas, threads, CpuDevice.MIN_PARALLEL_COST);
        ResNet model = new ResNet();
        model.configure(Settings.resolve("model 'resnet'", List.of(), Map.of()));
        CrossEntropy loss = new CrossEntropy();
        loss.configure(Settings.resolve("loss 'cross-entropy'", List.of(new Hyperparameter("label_smoothing",
                Hyperparameter.Type.DOUBLE, "0", null, List.of(), "")), Map.of()));
        DataShape shape = new DataShape(batch, 3 * 32 * 32, 1, 10);
        List<ParameterBlock> blocks = model.bind(shape, loss);
        double[] theta = new double[ParameterBlock.total(blocks)];
        model.initialise(theta, 3);
        SplitMix64 random = new SplitMix64(5);
        double[] x = new double[batch * shape.inputDim()];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        double[] y = new double[batch];
        for (int i = 0; i < batch; i++) {
            y[i] = i % 10;
        }
        Batch b = Batch.of(new Data("gaussian", shape, x, y, List.of())).mode(true, 9);
        Model.Evaluator evaluator = ((DeviceModel) model).evaluator(device, Precision.FP32, batch);
        double[] gradient = new double[theta.length];
        double l = 0;
        for (int i = 0; i < warmup; i++) {
            l = evaluator.lossAndGradient(theta, b, gradient);
        }
        long start = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            l = evaluator.lossAndGradient(theta, b, gradient);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "ResNet-20 fp32, batch %d, %d thread(s): %.3f steps/s over %d steps (loss %.9g, "
                + "gradient[0] %.9g)%n", batch, threads, steps / seconds, steps, l, gradient[0]);
    }
}
