package org.descent.experiment;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.descent.compute.Backends;
import org.descent.compute.Device;
import org.descent.compute.DeviceAware;
import org.descent.compute.DeviceModel;
import org.descent.compute.DeviceOptimizer;
import org.descent.compute.ResidentTraining;
import org.descent.compute.Tuning;
import org.descent.compute.UpdateRule;
import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.GradientClipping;
import org.descent.core.LayerStatistics;
import org.descent.core.LossFunction;
import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.Model;
import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.descent.core.PluginFault;
import org.descent.core.Precision;
import org.descent.core.Probe;
import org.descent.core.Regularizer;
import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.core.Subject;
import org.descent.experiment.internal.Blame;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.internal.Listeners;
import org.descent.experiment.internal.PolicyBinding;
import org.descent.experiment.internal.RunRecords;
import org.descent.experiment.internal.RunWriter;
import org.descent.experiment.internal.TrainingSetup;
import org.descent.experiment.internal.TrainingSubject;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Provenance;
import org.descent.experiment.model.Run;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The training engine: runs a resolved experiment into a run folder, step by step (batch →
 * forward → loss → backward → clipping → optimizer step), writing metrics as it goes and
 * checkpoints every {@code checkpointEvery} steps and at the end; stops on the budget, a
 * tolerance, divergence (NaN or infinite loss or gradient) or cancellation, and can resume a
 * run from its last checkpoint bit for bit. Single-threaded; same seed and backend give
 * bit-identical metrics.
 * <p>
 * The parts: {@link TrainingSetup} (data split, model binding, budget), {@link PolicyBinding}
 * (the mixed-precision policy, held for one session), {@link RunWriter} (the run's files),
 * {@link RunRecords} (the run and its provenance), {@link TrainingSubject} (a point for
 * analyses), {@link Listeners} (events, isolated); this class runs the loop.
 * <p>
 * Where the passes run on a compute device that can keep the parameters ({@link ResidentTraining})
 * and the optimizer is a built-in one with a fused device rule ({@link DeviceOptimizer}), a step
 * stays on the device (loss, gradient, its norm, clipping, update); the host copies of
 * the parameters and of the optimizer's state are brought up to date only at the edges: probes'
 * samples, evaluations, checkpoints and the end. Otherwise the optimizer steps on host arrays.
 *
 * @since 0.1.0
 */
public final class Trainer {

    /**
     * Prefix of the run metrics that hold final parameter values (models with at most 100
     * parameters): {@code param/mu}, {@code param/layer1.bias[2]}.
     */
    public static final String PARAMETER_PREFIX = "param/";

    /** Largest batch used when evaluating a whole data set. */
    private static final int EVAL_CHUNK = 1024;
    /** The checkpoint's optimizer-state entry that holds a mixed-precision policy's state. */
    private static final String POLICY_STATE = "mixed-precision-policy";

    private final List<RunListener> listeners = new ArrayList<>();
    private final List<MixedPrecisionPolicy> policies = new ArrayList<>();
    private MixedPrecisionPolicy.LossScaling lossScaling = MixedPrecisionPolicy.LossScaling.DEFAULT;
    private @Nullable Device device;

    /** Adds a listener for the next runs; a listener that throws is logged and does not stop the run. */
    public Trainer listener(RunListener l) {
        listeners.add(l);
        return this;
    }

    /**
     * Makes a mixed-precision policy available (found by precision); without one, the engine
     * uses a {@link MixedPrecisionPolicy} OSGi service for the run's precision.
     */
    public Trainer mixedPrecision(MixedPrecisionPolicy p) {
        policies.add(p);
        return this;
    }

    /**
     * The loss scaling of the next mixed-precision runs; without a call, dynamic scaling with
     * PyTorch GradScaler's defaults ({@link MixedPrecisionPolicy.LossScaling#DEFAULT}).
     */
    public Trainer lossScaling(MixedPrecisionPolicy.LossScaling scaling) {
        lossScaling = scaling;
        return this;
    }

    /**
     * The compute device of the next runs ({@code --device}): models that compute on a device
     * ({@link DeviceModel}) run their passes there in the precisions they support on it, and a loss
     * that computes on a device ({@link DeviceAware}, the sinkhorn loss) is handed it; without a
     * call they use the {@code cpu} backend's device.
     */
    public Trainer device(Device d) {
        device = d;
        return this;
    }

    /**
     * Trains a new run in an empty folder.
     *
     * @throws ExperimentException when the data cannot be loaded or the model, loss and data
     *             do not fit together (nothing is trained then)
     * @throws IOException when the run folder cannot be written
     */
    public TrainingResult train(ResolvedExperiment plan, RunFolder folder, @Nullable IProgressMonitor monitor)
            throws ExperimentException, IOException {
        return train(plan, () -> folder, monitor);
    }

    /**
     * Makes a run folder, once every check has passed.
     *
     * @since 0.1.0
     */
    @FunctionalInterface
    public interface FolderMaker {
        /**
         * @throws ExperimentException when the folder cannot be made for a reason the user can fix
         */
        RunFolder make() throws IOException, ExperimentException;
    }

    /**
     * Trains a new run in a folder that is made only when the plan has passed every check (data
     * loaded, model, loss and data fit, the parts set up): a refused run leaves no folder behind.
     *
     * @throws ExperimentException when the data cannot be loaded, the model, loss and data do not
     *             fit together, or a part fails to set up (nothing is made or trained then)
     * @throws IOException when the run folder cannot be written
     */
    public TrainingResult train(ResolvedExperiment plan, FolderMaker folderMaker, @Nullable IProgressMonitor monitor)
            throws ExperimentException, IOException {
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        TrainingSetup setup = TrainingSetup.prepare(plan, m);
        try (PolicyBinding binding = PolicyBinding.bind(plan.precision(), policies, Trainer.class)) {
            Session s = new Session(setup, binding.policy(), computeDevice(), m);
            RunFolder folder = folderMaker.make();
            Run run = RunRecords.newRun(plan, folder, setup.fingerprint(), s.computePath, s.computeThreads,
                    s.resident != null);
            try (RunWriter writer = RunWriter.create(folder, run, setup.train().vocabulary(), s.keepsProbes())) {
                s.start(writer, null);
                return s.loop();
            }
        }
    }

    /**
     * Continues a cancelled or interrupted run from its newest checkpoint, in the same process
     * state it would have had: the continuation is bit-identical to an uninterrupted run.
     *
     * @throws ExperimentException when the folder holds no resumable run, its contributions are
     *             missing, or its data changed
     */
    public TrainingResult resume(RunFolder folder, org.descent.core.ContributionRegistry registry,
            @Nullable IProgressMonitor monitor) throws ExperimentException, IOException {
        Run run = folder.readRun();
        RunStatus status = RunFolder.effectiveStatus(run);
        switch (status) {
        case CANCELLED, INTERRUPTED, FAILED -> {
        }
        case RUNNING -> throw new ExperimentException(folder.dir() + ": the run is still running (process "
                + run.getPid() + (run.getProcessHost() == null ? "" : " on " + run.getProcessHost()) + ")");
        default -> throw new ExperimentException(folder.dir() + ": the run is " + status.id()
                + "; only cancelled or interrupted runs can be resumed");
        }
        Optional<Checkpoint> checkpoint = folder.latestCheckpoint();
        ResolvedExperiment plan = ResolvedExperiment.resolve(EcoreUtil.copy(run.getExperiment()), registry,
                folder.runFile());
        IProgressMonitor m = monitor == null ? new NullProgressMonitor() : monitor;
        TrainingSetup setup = TrainingSetup.prepare(plan, m);
        Checkpoint c = checkpoint.orElse(null);
        if (c != null && c.dataHash() != setup.fingerprint()) {
            throw new ExperimentException(folder.dir() + ": the training data differs from the data the run started on"
                    + " (fingerprint " + RunRecords.hex(c.dataHash()) + ", now " + RunRecords.hex(setup.fingerprint())
                    + ")");
        }
        if (c != null) {
            // before the logs are cut back to the checkpoint: a checkpoint that does not fit loses no row
            setup.parameters(c.parameters());
        }
        try (PolicyBinding binding = PolicyBinding.bind(plan.precision(), policies, Trainer.class)) {
            Session s = new Session(setup, binding.policy(), device != null ? device : recordedDevice(run), m);
            try (RunWriter writer = RunWriter.reopen(folder, run, c == null ? 0 : c.step(), s.keepsProbes())) {
                s.start(writer, c);
                return s.loop();
            }
        }
    }

    /**
     * What each layer of a model does on one minibatch: the loss and per-layer statistics of a
     * training-mode forward and backward pass (fp64).
     *
     * @param rows rows in the batch
     * @param loss the batch's mean loss
     * @param step the optimizer step of the parameters (0: initial)
     * @param layers input to output
     */
    public record Inspection(int rows, double loss, long step, List<LayerStatistics> layers) {
    }

    /**
     * Runs one training-mode forward and backward pass of the plan's model in fp64 on the first
     * minibatch of its training data (epoch 0's shuffled order, at most {@code maxRows} rows), at the
     * seeded initial parameters or at the given ones, and returns what each layer did. Writes
     * nothing.
     *
     * @param parameters parameters to inspect (a checkpoint's), or null for the initial ones
     * @param step the step of those parameters, for the report
     * @throws ExperimentException when the data or model cannot be set up, or the model does not
     *             report per-layer statistics
     */
    public Inspection inspect(ResolvedExperiment plan, double @Nullable [] parameters, long step, int maxRows,
            @Nullable IProgressMonitor monitor) throws ExperimentException, IOException {
        TrainingSetup setup = TrainingSetup.prepare(plan, monitor == null ? new NullProgressMonitor() : monitor);
        double[] theta = setup.parameters(parameters);
        int rows = Math.min(Math.min(maxRows, setup.batchSize()), setup.train().rows());
        Model.Evaluator ev;
        try {
            ev = setup.model().evaluator(Precision.FP64, rows);
        } catch (IllegalArgumentException ex) {
            throw new ExperimentException(ex.getMessage());
        }
        if (!(ev instanceof Model.Inspectable inspectable)) {
            throw new ExperimentException("model '" + plan.model().contribution().id()
                    + "' does not report per-layer statistics (mlp, cnn and resnet do)");
        }
        Batch batch = new Batch(rows, setup.shape().inputDim(), setup.shape().targetDim());
        batch.fill(setup.train(), setup.order(0), 0, rows);
        batch.mode(true, setup.noiseSeed(step));
        double loss = ev.lossAndGradient(theta, batch, new double[theta.length]);
        return new Inspection(rows, loss, step, inspectable.lastPass());
    }

    /**
     * The plan's model at a point, with its training data, for analyses: the parameters of a
     * checkpoint, or the seeded initial ones. Writes nothing.
     *
     * @param folder the run the parameters come from (for its trajectory of checkpoints), or null
     * @param parameters parameters at the point, or null for the initial ones
     * @param step the step of those parameters
     * @throws ExperimentException when the data or model cannot be set up, or the parameters do not
     *             fit the model
     */
    public Subject subject(ResolvedExperiment plan, @Nullable RunFolder folder, double @Nullable [] parameters,
            long step, @Nullable IProgressMonitor monitor) throws ExperimentException, IOException {
        TrainingSetup setup = TrainingSetup.prepare(plan, monitor == null ? new NullProgressMonitor() : monitor);
        return new TrainingSubject(setup, folder, setup.parameters(parameters), step,
                step == 0 && parameters == null);
    }

    /** The device set by {@link #device}, else the cpu backend's, or null where no backend is installed. */
    private @Nullable Device computeDevice() {
        if (device != null) {
            return device;
        }
        try {
            return Backends.resolve(Backends.find(Trainer.class), Backends.CPU);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The device a run computed on, from its provenance ({@code <backend> device <id> (...)} and
     * its threads), so that a resumed run partitions its sums as before and continues bit for bit;
     * the cpu backend's device when the run computed on the host or its device is gone.
     */
    private @Nullable Device recordedDevice(Run run) {
        Provenance p = run.getProvenance();
        String backend = p == null ? null : p.getBackend();
        java.util.regex.Matcher m = backend == null ? null
                : java.util.regex.Pattern.compile("^\\S+ device (\\S+) \\(").matcher(backend);
        if (p == null || m == null || !m.find()) {
            return computeDevice();
        }
        try {
            return Backends.resolve(Backends.find(Trainer.class), m.group(1)).withThreads(Math.max(1, p.getThreads()));
        } catch (IllegalArgumentException e) {
            return computeDevice();
        }
    }

    /** One training session: from start (or a checkpoint) to the end of the loop. */
    private final class Session {
        final TrainingSetup setup;
        final ResolvedExperiment plan;
        final Experiment e;
        final IProgressMonitor monitor;
        final Listeners listeners = new Listeners(Trainer.this.listeners);
        RunWriter writer;
        final Data train;
        final @Nullable Data validation;
        final DataShape shape;
        final List<ParameterBlock> blocks;
        final LossFunction loss;
        final Optimizer optimizer;
        final Model.Evaluator evaluator;
        final Model.Evaluator evalEvaluator;
        /** Where the passes compute, for the provenance: the device, or the host path. */
        final String computePath;
        /** The device the passes compute on, or null on the host path. */
        final @Nullable Device computeDevice;
        final int computeThreads;
        /**
         * The device evaluator that keeps parameters, gradient and optimizer state between steps, or
         * null where the host updates (see {@link #residentRule}).
         */
        final @Nullable ResidentTraining resident;
        /** The optimizer's update on the device, with {@link #resident}. */
        final @Nullable UpdateRule rule;
        /** The optimizer's step count while its state is resident. */
        long residentSteps;
        /** Whether the parameters and optimizer state are on the device (from the loop's start). */
        boolean uploaded;
        /** Whether the device has stepped since the host's copy of the parameters was read. */
        boolean stale;
        final int evalChunk;
        final Precision precision;
        final @Nullable MixedPrecisionPolicy policy;
        /** Whether the evaluator rounds inside its passes and scales its own gradient (see Model.Evaluator#simulate). */
        final boolean simulated;
        final double[] theta;
        final double[] grad;
        final double[] computeTheta;
        final double @Nullable [] bufferValues;
        final int batchSize;
        final int stepsPerEpoch;
        final long totalSteps;
        long step;
        double wallBefore;
        double previousLoss = Double.NaN;
        double epochLossSum;
        /** What the loop is asking of which part now, for naming a plugin that throws. */
        String action = "the forward and backward pass";
        ResolvedExperiment.Part<?> callee;
        double lastLoss = Double.NaN;
        long startNanos;

        /**
         * Sets the session up around a prepared plan: the policy (held by the caller), the
         * evaluators in the compute precision, the optimizer's state and the probes.
         */
        Session(TrainingSetup setup, @Nullable MixedPrecisionPolicy policy, @Nullable Device chosen,
                IProgressMonitor monitor)
                throws ExperimentException {
            this.setup = setup;
            this.plan = setup.plan();
            this.e = setup.experiment();
            this.monitor = monitor;
            this.policy = policy;
            callee = plan.model();
            train = setup.train();
            validation = setup.validation();
            shape = setup.shape();
            blocks = setup.blocks();
            loss = setup.loss();
            optimizer = setup.optimizer();
            batchSize = setup.batchSize();
            stepsPerEpoch = setup.stepsPerEpoch();
            totalSteps = setup.totalSteps();
            int size = setup.size();
            theta = new double[size];
            grad = new double[size];
            computeTheta = new double[size];
            int buffered = blocks.stream().filter(ParameterBlock::buffer).mapToInt(ParameterBlock::size).sum();
            bufferValues = buffered == 0 ? null : new double[buffered];
            precision = plan.precision();
            // a mixed-precision policy rounds fp64 passes to its format
            Precision compute = policy == null ? precision : Precision.FP64;
            Model model = setup.model();
            try {
                if (policy != null) {
                    policy.start(blocks, lossScaling);
                }
                evalChunk = Math.min(EVAL_CHUNK, Math.max(train.rows(), validation == null ? 0 : validation.rows()));
                if (chosen != null && loss instanceof DeviceAware aware) {
                    aware.useDevice(chosen);
                }
                Device d = policy == null ? chosen : null;
                if (d != null && model instanceof DeviceModel dm && dm.computesOn(d, compute)) {
                    evaluator = dm.evaluator(d, compute, batchSize);
                    evalEvaluator = dm.evaluator(d, compute, evalChunk);
                    computePath = d.backend().id() + " device " + d.id() + " (" + d.name() + "; " + d.driver() + "), "
                            + compute.id() + " through the compute backend";
                    computeThreads = Math.max(1, d.threads());
                    computeDevice = d;
                } else {
                    evaluator = model.evaluator(compute, batchSize);
                    evalEvaluator = model.evaluator(compute, evalChunk);
                    computePath = RunRecords.hostPath(compute) + (device == null ? ""
                            : " (device " + device.id() + " not used: this model computes on the host in " + compute.id() + ")");
                    computeThreads = 1;
                    computeDevice = null;
                }
                if (policy != null) {
                    // layered models compute their passes in the format too; others only see rounded parameters
                    simulated = evaluator.simulate(policy);
                    evalEvaluator.simulate(policy);
                } else {
                    simulated = false;
                }
            } catch (IllegalArgumentException ex) {
                throw new ExperimentException(ex.getMessage());
            } catch (RuntimeException | LinkageError | StackOverflowError ex) {
                throw refused(ex, "setting up its evaluators", plan.model());
            }
            try {
                optimizer.initialise(blocks);
                rule = residentRule();
            } catch (RuntimeException | LinkageError | StackOverflowError ex) {
                throw refused(ex, "initialise", plan.optimizer());
            }
            resident = rule != null ? (ResidentTraining) evaluator : null;
            for (ResolvedExperiment.Part<Probe> p : plan.probes()) {
                try {
                    p.implementation().initialise(blocks);
                } catch (RuntimeException | LinkageError | StackOverflowError ex) {
                    throw refused(ex, "initialise", p);
                }
                if (p.implementation().wantsLayers() && !(evaluator instanceof Model.Inspectable)) {
                    ILog.of(Trainer.class).warn("probe '" + p.contribution().id() + "': model '"
                            + plan.model().contribution().id() + "' in " + precision.id() + " does not expose its layers"
                            + " (the layered models do, in fp64); only its parameter-level values are sampled");
                }
            }
        }

        /**
         * The optimizer's update as a device rule when the steps can stay on the device: the passes
         * run there ({@link ResidentTraining}), the optimizer is a built-in one with a fused rule
         * ({@link DeviceOptimizer}), and nothing else needs the host parameters every step (no
         * regularizer, no mixed-precision policy); else null (the host path).
         */
        private @Nullable UpdateRule residentRule() {
            if (evaluator instanceof ResidentTraining && policy == null && plan.regularizers().isEmpty()
                    && optimizer instanceof DeviceOptimizer o) {
                return o.updateRule();
            }
            return null;
        }

        /** A part that failed to set up: the run is refused, naming it; the chain goes to the log. */
        private ExperimentException refused(Throwable ex, String action, ResolvedExperiment.Part<?> calling) {
            String message = Blame.message(ex, action, calling, plan.parts());
            ILog.of(Trainer.class).error(message, ex);
            return new ExperimentException(message);
        }

        /** Whether the run keeps probes.csv: probes sample values, and so does a mixed-precision policy. */
        boolean keepsProbes() {
            return !plan.probes().isEmpty() || policy != null;
        }

        void start(RunWriter w, @Nullable Checkpoint c) throws IOException {
            writer = w;
            if (c == null) {
                setup.model().initialise(theta, e.getSeed());
                if (precision == Precision.FP32 || precision.isMixed()) {
                    // fp32 runs and the mixed precisions' master weights live on the fp32 grid
                    roundToFloat(theta);
                }
                step = 0;
            } else {
                if (c.parameters().length != theta.length) {
                    throw new IOException("checkpoint has " + c.parameters().length + " parameters, the model "
                            + theta.length);
                }
                System.arraycopy(c.parameters(), 0, theta, 0, theta.length);
                optimizer.restoreState(restorePolicy(c.optimizer()));
                step = c.step();
                wallBefore = c.wallSeconds();
                previousLoss = c.previousLoss();
                epochLossSum = c.epochLossSum();
            }
            String message = c == null ? "training" : "resumed at step " + step;
            writer.started(message, step);
            if (c == null) {
                writer.checkpoint(checkpoint());
            }
            listeners.status(RunStatus.RUNNING, message);
            startNanos = System.nanoTime();
        }

        double wall() {
            return wallBefore + (System.nanoTime() - startNanos) / 1e9;
        }

        TrainingResult loop() throws IOException {
            RunStatus status = RunStatus.DONE;
            String message = "budget of " + totalSteps + " steps reached";
            Batch batch = new Batch(batchSize, shape.inputDim(), shape.targetDim());
            int[] order = new int[0];
            long orderEpoch = -1;
            monitor.beginTask("Training", (int) Math.min(Integer.MAX_VALUE, totalSteps));
            monitor.worked((int) Math.min(Integer.MAX_VALUE, step));
            Map<String, Double> probeValues = new LinkedHashMap<>();
            try {
                ResidentTraining device = resident;
                UpdateRule update = rule;
                if (device != null && update != null) {
                    at("saveState", plan.optimizer());
                    Optimizer.State s = optimizer.saveState();
                    residentSteps = s.steps();
                    at("the upload of parameters and optimizer state", plan.model());
                    device.upload(theta, update, s.arrays());
                    uploaded = true;
                }
                while (step < totalSteps) {
                    if (monitor.isCanceled()) {
                        status = RunStatus.CANCELLED;
                        message = "cancelled at step " + step;
                        break;
                    }
                    int epoch = (int) (step / stepsPerEpoch);
                    int b = (int) (step % stepsPerEpoch);
                    if (epoch != orderEpoch) {
                        order = setup.order(epoch);
                        orderEpoch = epoch;
                    }
                    batch.fill(train, order, b * batchSize, Math.min(train.rows(), (b + 1) * batchSize));
                    batch.mode(true, setup.noiseSeed(step));
                    at("the forward and backward pass", plan.model());
                    double value;
                    boolean skip;
                    double gradNorm;
                    if (device != null) {
                        ResidentTraining.Values v = device.lossAndGradient(batch);
                        stale = true;
                        value = v.loss();
                        gradNorm = v.gradientNorm();
                        skip = false;
                    } else {
                        value = lossAndGradient(batch);
                        zeroBuffers(grad);
                        // unscaled before the norm and clipping see it; a skipped step leaves it unrounded
                        skip = policy != null && !policy.unscale(grad, step + 1);
                        gradNorm = GradientClipping.norm(grad);
                    }
                    step++;
                    // an overflow that the loss scale caused is a skipped step, not divergence
                    if (!Double.isFinite(value) || (!skip && !Double.isFinite(gradNorm))) {
                        status = RunStatus.DIVERGED;
                        message = "diverged at step " + step + ": " + (!Double.isFinite(value) ? "loss is " + value
                                : "gradient norm is " + gradNorm);
                        writer.step(step, epoch, value, gradNorm, Double.NaN, wall(), Double.NaN, Double.NaN,
                                Double.NaN);
                        lastLoss = value;
                        break;
                    }
                    if (device != null) {
                        // as on the host: clipping by norm sees the gradient clipped by value
                        double clippedNorm = e.getClipValue() > 0 ? device.clipGradient(e.getClipValue()) : gradNorm;
                        double c = e.getClipNorm() > 0 ? GradientClipping.coefficient(clippedNorm, e.getClipNorm()) : 1;
                        if (c < 1.0) {
                            device.scaleGradient(c);
                        }
                    } else {
                        if (e.getClipValue() > 0) {
                            GradientClipping.clipValue(grad, e.getClipValue());
                        }
                        if (e.getClipNorm() > 0) {
                            GradientClipping.clipNorm(grad, e.getClipNorm());
                        }
                    }
                    at("learningRate", schedulePart());
                    double lr = setup.learningRate(step - 1);
                    probeValues.clear();
                    boolean sampling = device != null && samplingAt(step);
                    if (sampling) {
                        // a probe's step: the host sees the parameters and gradient of this step
                        device.readParameters(theta);
                        device.readGradient(grad);
                    }
                    for (ResolvedExperiment.Part<Probe> p : plan.probes()) {
                        Probe probe = p.implementation();
                        at("sample", p);
                        if (step % probe.interval() == 0) {
                            if (probe.wantsLayers() && evaluator instanceof Model.Inspectable layers) {
                                probe.sampleLayers(step, layers, probeValues);
                            }
                            probe.beforeStep(step, theta);
                        }
                    }
                    if (device != null) {
                        at("step", plan.optimizer());
                        device.update(++residentSteps, lr);
                        if (sampling) {
                            device.readParameters(theta);
                        }
                    } else if (!skip) {
                        saveBuffers();
                        at("step", plan.optimizer());
                        optimizer.step(theta, grad, lr);
                        restoreBuffers();
                        if (precision == Precision.FP32 || precision.isMixed()) {
                            roundToFloat(theta);
                        }
                    }
                    for (ResolvedExperiment.Part<Probe> p : plan.probes()) {
                        Probe probe = p.implementation();
                        at("sample", p);
                        if (step % probe.interval() == 0) {
                            probe.sample(step, theta, grad, probeValues);
                        }
                    }
                    if (policy != null) {
                        policy.statistics(probeValues);
                    }
                    writer.probes(step, probeValues);
                    epochLossSum += value;
                    boolean epochEnd = b == stepsPerEpoch - 1;
                    double trainLoss = Double.NaN;
                    Map<String, Double> eval = Map.of();
                    if (epochEnd) {
                        trainLoss = epochLossSum / stepsPerEpoch;
                        epochLossSum = 0;
                        at("evaluate", plan.model());
                        eval = validation == null ? Map.of() : evaluate(validation, "val_");
                    }
                    writer.step(step, epoch, value, gradNorm, lr, wall(), trainLoss,
                            eval.getOrDefault("val_loss", Double.NaN), eval.getOrDefault("val_accuracy", Double.NaN));
                    listeners.step(step, epoch, value, gradNorm, lr, probeValues);
                    if (epochEnd) {
                        listeners.epoch(epoch, step, trainLoss);
                        if (!eval.isEmpty()) {
                            listeners.evaluation(step, epoch, eval);
                        }
                    }
                    monitor.worked(1);
                    double change = Math.abs(value - previousLoss);
                    previousLoss = value;
                    lastLoss = value;
                    if (e.getLossTolerance() > 0 && change <= e.getLossTolerance()) {
                        message = "converged at step " + step + ": loss changed by " + change + " <= "
                                + e.getLossTolerance();
                        break;
                    }
                    if (e.getGradientTolerance() > 0 && gradNorm <= e.getGradientTolerance()) {
                        message = "converged at step " + step + ": gradient norm " + gradNorm + " <= "
                                + e.getGradientTolerance();
                        break;
                    }
                    if (e.getCheckpointEvery() > 0 && step % e.getCheckpointEvery() == 0 && step < totalSteps) {
                        at("saveState", plan.optimizer());
                        writer.periodic(checkpoint(), epoch);
                    }
                }
            } catch (RuntimeException | LinkageError | StackOverflowError ex) {
                // a plugin's bug ends this run, named; the process (and the workbench) goes on
                status = RunStatus.FAILED;
                message = "failed at step " + step + ": " + Blame.message(ex, action, callee, plan.parts());
                ILog.of(Trainer.class).error("Run " + writer.folder().dir() + " " + message, ex);
                writer.flush();
            } finally {
                monitor.done();
            }
            return finish(status, message);
        }

        /** Whether a probe samples at this step. */
        private boolean samplingAt(long at) {
            for (ResolvedExperiment.Part<Probe> p : plan.probes()) {
                if (at % p.implementation().interval() == 0) {
                    return true;
                }
            }
            return false;
        }

        /** Brings the resident parameters back to the host's copy when the device has stepped since. */
        private void pullParameters() {
            ResidentTraining device = resident;
            if (device != null && stale) {
                device.readParameters(theta);
                stale = false;
            }
        }

        /** Notes which part the loop is about to call, and for what, so that a fault names it. */
        private void at(String what, ResolvedExperiment.Part<?> part) {
            action = what;
            callee = part;
        }

        private ResolvedExperiment.Part<?> schedulePart() {
            ResolvedExperiment.Part<?> s = plan.schedule();
            return s == null ? plan.optimizer() : s;
        }

        private TrainingResult finish(RunStatus status, String message) throws IOException {
            writer.closeLogs();
            Checkpoint last;
            try {
                last = checkpoint();
            } catch (RuntimeException | LinkageError | StackOverflowError ex) {
                if (status != RunStatus.FAILED) {
                    throw ex;
                }
                // the optimizer that failed cannot save its state either: the run keeps its last checkpoint
                ILog.of(Trainer.class).warn("Run " + writer.folder().dir() + ": no final checkpoint, "
                        + PluginFault.describe(ex), ex);
                last = null;
            }
            if (last != null) {
                writer.checkpoint(last);
            }
            Map<String, Double> finalMetrics = new LinkedHashMap<>();
            if (status != RunStatus.DIVERGED && status != RunStatus.FAILED) {
                try {
                    finalMetrics.putAll(evaluate(train, "train_"));
                    if (validation != null) {
                        finalMetrics.putAll(evaluate(validation, "val_"));
                    }
                } catch (RuntimeException | LinkageError | StackOverflowError ex) {
                    finalMetrics.clear();
                    status = RunStatus.FAILED;
                    message = "failed in the final evaluation after step " + step + ": "
                            + Blame.message(ex, "evaluate", plan.model(), plan.parts());
                    ILog.of(Trainer.class).error("Run " + writer.folder().dir() + " " + message, ex);
                }
            }
            double wall = wall();
            int epoch = (int) (Math.max(0, step - 1) / stepsPerEpoch);
            Map<String, Double> all = new LinkedHashMap<>();
            all.put("last_step_loss", lastLoss);
            all.putAll(finalMetrics);
            if (theta.length <= 100) {
                for (ParameterBlock b : blocks) {
                    for (int i = 0; i < b.size(); i++) {
                        all.put(PARAMETER_PREFIX + b.name() + (b.size() == 1 ? "" : "[" + i + "]"), theta[b.offset() + i]);
                    }
                }
            }
            Device d = computeDevice;
            if (d != null && !d.tunings().isEmpty()) {
                writer.computePath(computePath + "; autotune " + (d.autotune() ? "on" : "off") + ": "
                        + d.tunings().stream().map(Tuning::toString).collect(Collectors.joining("; ")));
            }
            writer.finished(status, message, step, epoch, wall, all);
            listeners.status(status, message);
            Map<String, double[]> params = new LinkedHashMap<>();
            if (theta.length <= 100) {
                for (ParameterBlock b : blocks) {
                    params.put(b.name(), Arrays.copyOfRange(theta, b.offset(), b.offset() + b.size()));
                }
            }
            return new TrainingResult(writer.folder(), status, message, step, epoch, lastLoss, finalMetrics, wall, params);
        }

        /** Buffers (running statistics) take no gradient. */
        private void zeroBuffers(double[] g) {
            for (ParameterBlock b : blocks) {
                if (b.buffer()) {
                    Arrays.fill(g, b.offset(), b.offset() + b.size(), 0);
                }
            }
        }

        /** Keeps buffers out of the optimizer's reach (weight decay would shrink them). */
        private void saveBuffers() {
            if (bufferValues == null) {
                return;
            }
            int k = 0;
            for (ParameterBlock b : blocks) {
                if (b.buffer()) {
                    System.arraycopy(theta, b.offset(), bufferValues, k, b.size());
                    k += b.size();
                }
            }
        }

        private void restoreBuffers() {
            if (bufferValues == null) {
                return;
            }
            int k = 0;
            for (ParameterBlock b : blocks) {
                if (b.buffer()) {
                    System.arraycopy(bufferValues, k, theta, b.offset(), b.size());
                    k += b.size();
                }
            }
        }

        private double lossAndGradient(Batch batch) {
            double value;
            if (policy != null) {
                System.arraycopy(theta, 0, computeTheta, 0, theta.length);
                policy.round(computeTheta, 0, computeTheta.length);
                for (ParameterBlock b : blocks) {
                    if (b.buffer()) {
                        // running statistics stay in full precision: rounding them every step would stall them
                        System.arraycopy(theta, b.offset(), computeTheta, b.offset(), b.size());
                    }
                }
                value = evaluator.lossAndGradient(computeTheta, batch, grad);
                for (ParameterBlock b : blocks) {
                    if (b.buffer()) {
                        System.arraycopy(computeTheta, b.offset(), theta, b.offset(), b.size());
                    }
                }
            } else {
                value = evaluator.lossAndGradient(theta, batch, grad);
            }
            if (policy == null) {
                for (ResolvedExperiment.Part<Regularizer> r : plan.regularizers()) {
                    value += r.implementation().addPenalty(theta, grad);
                }
                return value;
            }
            // the scaled loss is what is differentiated: penalties are scaled with it
            double scale = policy.lossScale();
            if (simulated) {
                // the evaluator's gradient is scaled already: scale the penalties' gradient alone
                if (!plan.regularizers().isEmpty()) {
                    Arrays.fill(computeTheta, 0);
                    for (ResolvedExperiment.Part<Regularizer> r : plan.regularizers()) {
                        value += r.implementation().addPenalty(theta, computeTheta);
                    }
                    for (int i = 0; i < grad.length; i++) {
                        grad[i] += scale * computeTheta[i];
                    }
                }
                return value;
            }
            for (ResolvedExperiment.Part<Regularizer> r : plan.regularizers()) {
                value += r.implementation().addPenalty(theta, grad);
            }
            for (int i = 0; i < grad.length; i++) {
                grad[i] *= scale;
            }
            return value;
        }

        /** Mean loss (and accuracy for classification) over a whole data set at the current parameters. */
        private Map<String, Double> evaluate(Data data, String prefix) {
            pullParameters();
            Model.Evaluator ev = evalEvaluator;
            int chunk = evalChunk;
            Batch b = new Batch(chunk, shape.inputDim(), shape.targetDim());
            b.mode(false, setup.evaluationSeed());
            int[] all = TrainingSetup.identity(data.rows());
            double lossSum = 0;
            double correct = 0;
            for (int from = 0; from < data.rows(); from += chunk) {
                int to = Math.min(data.rows(), from + chunk);
                b.fill(data, all, from, to);
                Model.Score score = ev.score(theta, b, loss, shape);
                lossSum += score.loss() * (to - from);
                correct += score.correct();
            }
            Map<String, Double> m = new LinkedHashMap<>();
            m.put(prefix + "loss", lossSum / data.rows());
            if (!Double.isNaN(correct)) {
                m.put(prefix + "accuracy", correct / data.rows());
            }
            return m;
        }

        /** A checkpoint of the session's state now; a mixed-precision policy's state travels with the optimizer's. */
        private Checkpoint checkpoint() {
            ResidentTraining device = resident;
            if (device != null && uploaded) {
                // the checkpoint keeps the host format: the device's state goes through the optimizer's
                pullParameters();
                optimizer.restoreState(new Optimizer.State(residentSteps, device.readState()));
            }
            Optimizer.State state = optimizer.saveState();
            if (policy != null) {
                // the loss scale travels with the optimizer's state: a resumed run continues bit for bit
                Map<String, double[]> arrays = new LinkedHashMap<>(state.arrays());
                arrays.put(POLICY_STATE, policy.saveState());
                state = new Optimizer.State(state.steps(), arrays);
            }
            return new Checkpoint(step, wall0(), previousLoss, epochLossSum, setup.fingerprint(), theta, state);
        }

        /** Gives the policy its state from a checkpoint; returns the optimizer's state without it. */
        private Optimizer.State restorePolicy(Optimizer.State saved) {
            double[] p = saved.arrays().get(POLICY_STATE);
            if (p == null) {
                return saved;
            }
            if (policy != null) {
                policy.restoreState(p);
            }
            Map<String, double[]> arrays = new LinkedHashMap<>(saved.arrays());
            arrays.remove(POLICY_STATE);
            return new Optimizer.State(saved.steps(), arrays);
        }

        private double wall0() {
            return startNanos == 0 ? wallBefore : wall();
        }
    }

    private static void roundToFloat(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) a[i];
        }
    }
}
