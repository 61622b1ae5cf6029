package org.descent.experiment;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.descent.core.Batch;
import org.descent.core.Blas;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.Descent;
import org.descent.core.GradientClipping;
import org.descent.core.LayerStatistics;
import org.descent.core.LossFunction;
import org.descent.core.MixedPrecisionPolicy;
import org.descent.core.Model;
import org.descent.core.Optimizer;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Probe;
import org.descent.core.Regularizer;
import org.descent.core.RunListener;
import org.descent.core.RunStatus;
import org.descent.core.Schedule;
import org.descent.core.Subject;
import org.descent.core.SplitMix64;
import org.descent.experiment.internal.Checkpoint;
import org.descent.experiment.internal.MetricsLog;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.Metric;
import org.descent.experiment.model.Provenance;
import org.descent.experiment.model.ResolvedComponent;
import org.descent.experiment.model.Run;
import org.descent.experiment.model.Setting;
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
 */
public final class Trainer {

    /**
     * Prefix of the run metrics that hold final parameter values (models with at most 100
     * parameters): {@code param/mu}, {@code param/layer1.bias[2]}.
     */
    public static final String PARAMETER_PREFIX = "param/";

    /** Stream number of the train/validation split in a run's seed. */
    private static final long SPLIT_STREAM = 0x5D1E5D1EL;
    /** Stream of the per-step noise seeds handed to models through {@link Batch#seed()}. */
    private static final long NOISE_STREAM = 0x7015E5EEDL;
    /** Largest batch used when evaluating a whole data set. */
    private static final int EVAL_CHUNK = 1024;
    /** The checkpoint's optimizer-state entry that holds a mixed-precision policy's state. */
    private static final String POLICY_STATE = "mixed-precision-policy";
    /** How many periodic checkpoints to keep. */
    private static final int KEEP_CHECKPOINTS = 2;

    private final List<RunListener> listeners = new ArrayList<>();
    private final List<MixedPrecisionPolicy> policies = new ArrayList<>();
    private MixedPrecisionPolicy.LossScaling lossScaling = MixedPrecisionPolicy.LossScaling.DEFAULT;

    /** Adds a listener for the next runs. */
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
     * Trains a new run in an empty folder.
     *
     * @throws ExperimentException when the data cannot be loaded or the model, loss and data
     *             do not fit together (nothing is trained then)
     * @throws IOException when the run folder cannot be written
     */
    public TrainingResult train(ResolvedExperiment plan, RunFolder folder, @Nullable IProgressMonitor monitor)
            throws ExperimentException, IOException {
        Session s = new Session(plan, folder, monitor == null ? new NullProgressMonitor() : monitor);
        s.prepare();
        s.run = newRun(plan, folder);
        org.descent.core.Vocabulary vocabulary = s.train.vocabulary();
        if (vocabulary != null) {
            folder.writeVocabulary(vocabulary);
        }
        s.metrics = MetricsLog.create(folder.metricsFile());
        if (!plan.probes().isEmpty() || s.policy != null) {
            s.probeLog = MetricsLog.create(folder.probesFile(), MetricsLog.PROBE_COLUMNS);
        }
        s.start(null);
        return s.loop();
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
                + run.getPid() + ")");
        default -> throw new ExperimentException(folder.dir() + ": the run is " + status.id()
                + "; only cancelled or interrupted runs can be resumed");
        }
        Optional<Checkpoint> checkpoint = folder.latestCheckpoint();
        ResolvedExperiment plan = ResolvedExperiment.resolve(EcoreUtil.copy(run.getExperiment()), registry,
                folder.runFile());
        Session s = new Session(plan, folder, monitor == null ? new NullProgressMonitor() : monitor);
        s.prepare();
        s.run = run;
        Checkpoint c = checkpoint.orElse(null);
        if (c != null && c.dataHash() != s.dataHash) {
            throw new ExperimentException(folder.dir() + ": the training data differs from the data the run started on"
                    + " (fingerprint " + Long.toHexString(c.dataHash()) + ", now " + Long.toHexString(s.dataHash) + ")");
        }
        s.metrics = MetricsLog.reopen(folder.metricsFile(), c == null ? 0 : c.step());
        if (!plan.probes().isEmpty() || s.policy != null) {
            s.probeLog = MetricsLog.reopen(folder.probesFile(), c == null ? 0 : c.step(), MetricsLog.PROBE_COLUMNS);
        }
        s.start(c);
        return s.loop();
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
        Session s = prepared(plan, null, parameters, monitor);
        int rows = Math.min(Math.min(maxRows, s.batchSize), s.train.rows());
        Model.Evaluator ev;
        try {
            ev = s.model.evaluator(Precision.FP64, rows);
        } catch (IllegalArgumentException ex) {
            throw new ExperimentException(ex.getMessage());
        }
        if (!(ev instanceof Model.Inspectable inspectable)) {
            throw new ExperimentException("model '" + plan.model().contribution().id()
                    + "' does not report per-layer statistics (mlp, cnn and resnet do)");
        }
        Batch batch = new Batch(rows, s.shape.inputDim(), s.shape.targetDim());
        batch.fill(s.train, s.order(0), 0, rows);
        batch.mode(true, s.noiseSeed(step));
        double loss = ev.lossAndGradient(s.theta, batch, new double[s.theta.length]);
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
        Session s = prepared(plan, folder, parameters, monitor);
        String label = plan.model().contribution().id() + " on " + plan.dataset().contribution().id()
                + (folder == null ? "" : ", run " + folder.dir().getFileName())
                + (step == 0 && parameters == null ? ", initial parameters (seed " + s.e.getSeed() + ")"
                        : ", step " + step);
        double base = s.optimizer.learningRate();
        double lr = s.schedule == null ? base : s.schedule.learningRate(base, Math.max(0, step - 1));
        return new Subject() {
            @Override
            public String label() {
                return label;
            }

            @Override
            public Model model() {
                return s.model;
            }

            @Override
            public LossFunction loss() {
                return s.loss;
            }

            @Override
            public DataShape shape() {
                return s.shape;
            }

            @Override
            public Data data() {
                return s.train;
            }

            @Override
            public List<ParameterBlock> blocks() {
                return s.blocks;
            }

            @Override
            public int size() {
                return s.theta.length;
            }

            @Override
            public double[] parameters() {
                return s.theta.clone();
            }

            @Override
            public long step() {
                return step;
            }

            @Override
            public double learningRate() {
                return lr;
            }

            @Override
            public int batchSize() {
                return s.batchSize;
            }

            @Override
            public Batch batch(int rows) {
                int n = Math.max(1, Math.min(rows, s.train.rows()));
                Batch b = new Batch(n, s.shape.inputDim(), s.shape.targetDim());
                b.fill(s.train, s.order(0), 0, n);
                b.mode(true, s.noiseSeed(step));
                return b;
            }

            @Override
            public Model.Evaluator evaluator(int maxBatch) {
                return s.model.evaluator(Precision.FP64, maxBatch);
            }

            @Override
            public double objective(Model.Evaluator evaluator, double[] theta, Batch batch, double[] gradient) {
                double value = evaluator.lossAndGradient(theta, batch, gradient) + penalties(theta, gradient);
                for (ParameterBlock b : s.blocks) {
                    if (b.buffer()) {
                        Arrays.fill(gradient, b.offset(), b.offset() + b.size(), 0);
                    }
                }
                return value;
            }

            @Override
            public double penalties(double[] theta, double[] gradient) {
                double value = 0;
                for (ResolvedExperiment.Part<Regularizer> r : plan.regularizers()) {
                    value += r.implementation().addPenalty(theta, gradient);
                }
                return value;
            }

            @Override
            public List<Point> trajectory() {
                if (folder == null) {
                    return List.of();
                }
                try {
                    return folder.trajectory().stream().filter(p -> p.parameters().length == s.theta.length).toList();
                } catch (IOException ex) {
                    throw new IllegalArgumentException("cannot read the trajectory of " + folder.dir() + ": "
                            + ex.getMessage(), ex);
                }
            }
        };
    }

    /**
     * A session set up for the plan, with the given parameters (or the seeded initial ones) in
     * place, for one-off fp64 evaluations; nothing is written.
     */
    private Session prepared(ResolvedExperiment plan, @Nullable RunFolder folder, double @Nullable [] parameters,
            @Nullable IProgressMonitor monitor) throws ExperimentException, IOException {
        Session s = new Session(plan, folder == null ? new RunFolder(Path.of(".")) : folder,
                monitor == null ? new NullProgressMonitor() : monitor);
        s.prepare();
        // evaluated in fp64 and taking no steps: no mixed-precision policy is needed
        s.releasePolicy.run();
        if (parameters == null) {
            s.model.initialise(s.theta, s.e.getSeed());
        } else if (parameters.length != s.theta.length) {
            throw new ExperimentException("the checkpoint has " + parameters.length + " parameters, the model "
                    + s.theta.length);
        } else {
            System.arraycopy(parameters, 0, s.theta, 0, parameters.length);
        }
        return s;
    }

    private static Run newRun(ResolvedExperiment plan, RunFolder folder) {
        ExperimentFactory f = ExperimentFactory.eINSTANCE;
        Run run = f.createRun();
        run.setName(folder.dir().getFileName().toString());
        run.setExperiment(EcoreUtil.copy(plan.experiment()));
        run.setCreated(new Date());
        Provenance p = f.createProvenance();
        p.setDescentVersion(Descent.version());
        p.setJavaVersion(System.getProperty("java.version"));
        p.setJavaVendor(System.getProperty("java.vendor"));
        p.setOs(System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        try {
            p.setHost(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            p.setHost("unknown");
        }
        p.setThreads(1);
        p.setBackend(Blas.find(Trainer.class).map(b -> "plain Java arrays and " + b.name()).orElse("plain Java arrays"));
        p.setSeed(plan.experiment().getSeed());
        p.setPrecision(plan.experiment().getPrecision());
        for (ResolvedExperiment.Part<?> part : plan.parts()) {
            ResolvedComponent rc = f.createResolvedComponent();
            rc.setRole(part.role());
            rc.setId(part.contribution().id());
            rc.setBundle(part.contribution().bundle());
            part.settings().texts().forEach((k, v) -> {
                Setting s = f.createSetting();
                s.setName(k);
                s.setValue(v);
                rc.getSettings().add(s);
            });
            p.getResolved().add(rc);
        }
        run.setProvenance(p);
        return run;
    }

    /** One training session: from start (or a checkpoint) to the end of the loop. */
    private final class Session {
        final ResolvedExperiment plan;
        final Experiment e;
        final RunFolder folder;
        final IProgressMonitor monitor;
        Run run = ExperimentFactory.eINSTANCE.createRun();
        MetricsLog metrics;
        @Nullable
        MetricsLog probeLog;
        Data train;
        @Nullable
        Data validation;
        DataShape shape;
        List<ParameterBlock> blocks = List.of();
        Model model;
        LossFunction loss;
        Optimizer optimizer;
        @Nullable
        Schedule schedule;
        Model.Evaluator evaluator;
        Model.Evaluator evalEvaluator;
        int evalChunk;
        Precision precision;
        @Nullable
        MixedPrecisionPolicy policy;
        /** Whether the evaluator rounds inside its passes and scales its own gradient (see Model.Evaluator#simulate). */
        boolean simulated;
        /** Gives a policy obtained from the service registry back at the end of the session. */
        Runnable releasePolicy = () -> {
        };
        long dataHash;
        double[] theta = new double[0];
        double[] grad = new double[0];
        double[] computeTheta = new double[0];
        double @Nullable [] bufferValues;
        int batchSize;
        int stepsPerEpoch;
        long totalSteps;
        long step;
        double wallBefore;
        double previousLoss = Double.NaN;
        double epochLossSum;
        double lastLoss = Double.NaN;
        long startNanos;

        Session(ResolvedExperiment plan, RunFolder folder, IProgressMonitor monitor) {
            this.plan = plan;
            this.e = plan.experiment();
            this.folder = folder;
            this.monitor = monitor;
        }

        void prepare() throws ExperimentException, IOException {
            Data all;
            try {
                all = plan.dataset().implementation().load(monitor);
            } catch (IllegalArgumentException ex) {
                throw new ExperimentException("dataset '" + plan.dataset().contribution().id() + "': " + ex.getMessage());
            }
            double f = e.getValidationFraction();
            if (f > 0) {
                int n = all.rows();
                int nVal = (int) Math.round(n * f);
                if (nVal < 1 || nVal >= n) {
                    throw new ExperimentException("validationFraction " + f + " leaves " + nVal + " of " + n
                            + " rows for validation: it needs at least one row on each side");
                }
                int[] perm = new SplitMix64(e.getSeed() ^ SPLIT_STREAM).permutation(n);
                validation = all.rows(Arrays.copyOfRange(perm, 0, nVal), all.name() + " (validation)");
                train = all.rows(Arrays.copyOfRange(perm, nVal, n), all.name() + " (training)");
            } else {
                train = all;
            }
            if (all.rows() == 0 || all.shape().inputDim() == 0) {
                throw new ExperimentException("dataset '" + plan.dataset().contribution().id() + "' has no "
                        + (all.rows() == 0 ? "rows" : "input columns") + ": there is nothing to train on");
            }
            shape = train.shape();
            dataHash = fingerprint(train);
            model = plan.model().implementation();
            loss = plan.loss().implementation();
            optimizer = plan.optimizer().implementation();
            schedule = plan.schedule() == null ? null : plan.schedule().implementation();
            try {
                blocks = model.bind(shape, loss);
                model.observe(train);
            } catch (IllegalArgumentException ex) {
                throw new ExperimentException(ex.getMessage());
            }
            int size = ParameterBlock.total(blocks);
            theta = new double[size];
            grad = new double[size];
            computeTheta = new double[size];
            int buffered = blocks.stream().filter(ParameterBlock::buffer).mapToInt(ParameterBlock::size).sum();
            bufferValues = buffered == 0 ? null : new double[buffered];
            batchSize = e.getBatchSize() == 0 ? train.rows() : Math.min(e.getBatchSize(), train.rows());
            stepsPerEpoch = (train.rows() + batchSize - 1) / batchSize;
            totalSteps = e.getSteps() > 0 ? e.getSteps() : (long) e.getEpochs() * stepsPerEpoch;
            precision = plan.precision();
            Precision compute = precision;
            if (precision.isMixed()) {
                MixedPrecisionPolicy given = policies.stream().filter(p -> p.precision() == precision).findFirst()
                        .orElse(null);
                if (given == null) {
                    obtainPolicy(this);
                } else {
                    policy = given;
                }
                MixedPrecisionPolicy p = policy;
                if (p == null) {
                    throw new ExperimentException("precision " + precision.id() + " needs the simulated mixed-precision"
                            + " policy of bundle org.descent.analysis.precision, which is not installed");
                }
                p.start(blocks, lossScaling);
                compute = Precision.FP64;
            }
            try {
                evaluator = model.evaluator(compute, batchSize);
                evalChunk = Math.min(EVAL_CHUNK, Math.max(train.rows(), validation == null ? 0 : validation.rows()));
                evalEvaluator = model.evaluator(compute, evalChunk);
                if (policy != null) {
                    // layered models compute their passes in the format too; others only see rounded parameters
                    simulated = evaluator.simulate(policy);
                    evalEvaluator.simulate(policy);
                }
            } catch (IllegalArgumentException ex) {
                throw new ExperimentException(ex.getMessage());
            }
            optimizer.initialise(blocks);
            for (ResolvedExperiment.Part<Regularizer> r : plan.regularizers()) {
                r.implementation().bind(blocks, shape);
            }
            for (ResolvedExperiment.Part<Probe> p : plan.probes()) {
                p.implementation().initialise(blocks);
                if (p.implementation().wantsLayers() && !(evaluator instanceof Model.Inspectable)) {
                    org.eclipse.core.runtime.ILog.of(Trainer.class).warn("probe '" + p.contribution().id() + "': model '"
                            + plan.model().contribution().id() + "' in " + precision.id() + " does not expose its layers"
                            + " (the layered models do, in fp64); only its parameter-level values are sampled");
                }
            }
        }

        void start(@Nullable Checkpoint c) throws IOException {
            if (c == null) {
                model.initialise(theta, e.getSeed());
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
            run.setStatus(RunStatus.RUNNING);
            run.setMessage(c == null ? "training" : "resumed at step " + step);
            run.setPid(ProcessHandle.current().pid());
            run.setStep(step);
            folder.writeRun(run);
            if (c == null) {
                writeCheckpoint();
            }
            fire(RunStatus.RUNNING, run.getMessage());
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
                while (step < totalSteps) {
                    if (monitor.isCanceled()) {
                        status = RunStatus.CANCELLED;
                        message = "cancelled at step " + step;
                        break;
                    }
                    int epoch = (int) (step / stepsPerEpoch);
                    int b = (int) (step % stepsPerEpoch);
                    if (epoch != orderEpoch) {
                        order = order(epoch);
                        orderEpoch = epoch;
                    }
                    batch.fill(train, order, b * batchSize, Math.min(train.rows(), (b + 1) * batchSize));
                    batch.mode(true, noiseSeed(step));
                    double value = lossAndGradient(batch);
                    zeroBuffers(grad);
                    // unscaled before the norm and clipping see it; a skipped step leaves it unrounded
                    boolean skip = policy != null && !policy.unscale(grad, step + 1);
                    double gradNorm = GradientClipping.norm(grad);
                    step++;
                    // an overflow that the loss scale caused is a skipped step, not divergence
                    if (!Double.isFinite(value) || (!skip && !Double.isFinite(gradNorm))) {
                        status = RunStatus.DIVERGED;
                        message = "diverged at step " + step + ": " + (!Double.isFinite(value) ? "loss is " + value
                                : "gradient norm is " + gradNorm);
                        metrics.append(step, epoch, value, gradNorm, Double.NaN, wall(), Double.NaN, Double.NaN,
                                Double.NaN);
                        lastLoss = value;
                        break;
                    }
                    if (e.getClipValue() > 0) {
                        GradientClipping.clipValue(grad, e.getClipValue());
                    }
                    if (e.getClipNorm() > 0) {
                        GradientClipping.clipNorm(grad, e.getClipNorm());
                    }
                    double base = optimizer.learningRate();
                    double lr = schedule == null ? base : schedule.learningRate(base, step - 1);
                    probeValues.clear();
                    for (ResolvedExperiment.Part<Probe> p : plan.probes()) {
                        Probe probe = p.implementation();
                        if (step % probe.interval() == 0) {
                            if (probe.wantsLayers() && evaluator instanceof Model.Inspectable layers) {
                                probe.sampleLayers(step, layers, probeValues);
                            }
                            probe.beforeStep(step, theta);
                        }
                    }
                    if (!skip) {
                        saveBuffers();
                        optimizer.step(theta, grad, lr);
                        restoreBuffers();
                        if (precision == Precision.FP32 || precision.isMixed()) {
                            roundToFloat(theta);
                        }
                    }
                    for (ResolvedExperiment.Part<Probe> p : plan.probes()) {
                        Probe probe = p.implementation();
                        if (step % probe.interval() == 0) {
                            probe.sample(step, theta, grad, probeValues);
                        }
                    }
                    if (policy != null) {
                        policy.statistics(probeValues);
                    }
                    MetricsLog pl = probeLog;
                    if (pl != null) {
                        for (Map.Entry<String, Double> v : probeValues.entrySet()) {
                            pl.appendProbe(step, v.getKey(), v.getValue());
                        }
                    }
                    epochLossSum += value;
                    boolean epochEnd = b == stepsPerEpoch - 1;
                    double trainLoss = Double.NaN;
                    Map<String, Double> eval = Map.of();
                    if (epochEnd) {
                        trainLoss = epochLossSum / stepsPerEpoch;
                        epochLossSum = 0;
                        eval = validation == null ? Map.of() : evaluate(validation, "val_");
                    }
                    metrics.append(step, epoch, value, gradNorm, lr, wall(), trainLoss,
                            eval.getOrDefault("val_loss", Double.NaN), eval.getOrDefault("val_accuracy", Double.NaN));
                    for (RunListener l : listeners) {
                        l.step(step, epoch, value, gradNorm, lr, probeValues);
                        if (epochEnd) {
                            l.epoch(epoch, step, trainLoss);
                            if (!eval.isEmpty()) {
                                l.evaluation(step, epoch, eval);
                            }
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
                        metrics.flush();
                        if (probeLog != null) {
                            probeLog.flush();
                        }
                        writeCheckpoint();
                        folder.pruneCheckpoints(KEEP_CHECKPOINTS);
                        run.setStep(step);
                        run.setEpoch(epoch);
                        run.setWallSeconds(wall());
                        folder.writeRun(run);
                    }
                }
            } catch (RuntimeException ex) {
                status = RunStatus.FAILED;
                message = "failed at step " + step + ": " + ex;
                metrics.flush();
                finish(status, message);
                throw ex;
            } finally {
                monitor.done();
            }
            return finish(status, message);
        }

        private TrainingResult finish(RunStatus status, String message) throws IOException {
            releasePolicy.run();
            metrics.flush();
            metrics.close();
            if (probeLog != null) {
                probeLog.close();
            }
            writeCheckpoint();
            Map<String, Double> finalMetrics = new LinkedHashMap<>();
            if (status != RunStatus.DIVERGED && status != RunStatus.FAILED) {
                finalMetrics.putAll(evaluate(train, "train_"));
                if (validation != null) {
                    finalMetrics.putAll(evaluate(validation, "val_"));
                }
            }
            double wall = wall();
            run.setStatus(status);
            run.setMessage(message);
            run.setStep(step);
            run.setEpoch((int) (Math.max(0, step - 1) / stepsPerEpoch));
            run.setWallSeconds(wall);
            run.setEnded(new Date());
            run.getMetrics().clear();
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
            all.forEach((k, v) -> {
                Metric m = ExperimentFactory.eINSTANCE.createMetric();
                m.setName(k);
                m.setValue(v);
                run.getMetrics().add(m);
            });
            folder.writeRun(run);
            fire(status, message);
            Map<String, double[]> params = new LinkedHashMap<>();
            if (theta.length <= 100) {
                for (ParameterBlock b : blocks) {
                    params.put(b.name(), Arrays.copyOfRange(theta, b.offset(), b.offset() + b.size()));
                }
            }
            return new TrainingResult(folder, status, message, step, run.getEpoch(), lastLoss, finalMetrics, wall, params);
        }

        /** The rows of an epoch in training order: shuffled per epoch, unless each step takes them all. */
        int[] order(int epoch) {
            return batchSize == train.rows() ? identity(train.rows())
                    : SplitMix64.forEpoch(e.getSeed(), epoch).permutation(train.rows());
        }

        /** The seed of a training step's noise (dropout masks, VAE samples, negative samples). */
        long noiseSeed(long step) {
            return SplitMix64.forEpoch(e.getSeed() ^ NOISE_STREAM, step).nextLong();
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
                    java.util.Arrays.fill(computeTheta, 0);
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
            Model.Evaluator ev = evalEvaluator;
            int chunk = evalChunk;
            Batch b = new Batch(chunk, shape.inputDim(), shape.targetDim());
            b.mode(false, e.getSeed() ^ NOISE_STREAM);
            int[] all = identity(data.rows());
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

        private void writeCheckpoint() throws IOException {
            Optimizer.State state = optimizer.saveState();
            if (policy != null) {
                // the loss scale travels with the optimizer's state: a resumed run continues bit for bit
                Map<String, double[]> arrays = new LinkedHashMap<>(state.arrays());
                arrays.put(POLICY_STATE, policy.saveState());
                state = new Optimizer.State(state.steps(), arrays);
            }
            new Checkpoint(step, wall0(), previousLoss, epochLossSum, dataHash, theta, state)
                    .write(folder.checkpointFile(step));
            folder.writeTrajectoryPoint(step, theta);
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

        private void fire(RunStatus status, String message) {
            for (RunListener l : listeners) {
                l.status(status, message);
            }
        }
    }

    /**
     * Gives the session its own instance of the {@link MixedPrecisionPolicy} OSGi service for its
     * precision (services are prototype-scoped: the policy holds the run's loss scale), the
     * highest-ranked one when several bundles offer one; leaves {@code policy} null when none
     * does.
     */
    private static void obtainPolicy(Session s) {
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(Trainer.class);
        org.osgi.framework.BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (context == null) {
            return;
        }
        List<org.osgi.framework.ServiceReference<MixedPrecisionPolicy>> refs;
        try {
            refs = new ArrayList<>(context.getServiceReferences(MixedPrecisionPolicy.class, null));
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        refs.sort(java.util.Collections.reverseOrder());
        for (org.osgi.framework.ServiceReference<MixedPrecisionPolicy> ref : refs) {
            org.osgi.framework.ServiceObjects<MixedPrecisionPolicy> objects = context.getServiceObjects(ref);
            MixedPrecisionPolicy p = objects == null ? null : objects.getService();
            if (p == null) {
                continue;
            }
            if (p.precision() == s.precision) {
                s.policy = p;
                s.releasePolicy = () -> objects.ungetService(p);
                return;
            }
            objects.ungetService(p);
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void roundToFloat(double[] a) {
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) a[i];
        }
    }

    /** A 64-bit fingerprint of a data set's values and shape. */
    static long fingerprint(Data d) {
        long h = 0xCBF29CE484222325L;
        h = mix(h, d.rows());
        h = mix(h, d.shape().inputDim());
        h = mix(h, d.shape().targetDim());
        h = mix(h, d.shape().classes());
        for (double v : d.inputs()) {
            h = mix(h, Double.doubleToLongBits(v));
        }
        for (double v : d.targets()) {
            h = mix(h, Double.doubleToLongBits(v));
        }
        return h;
    }

    private static long mix(long h, long v) {
        return (h ^ v) * 0x100000001B3L;
    }
}
