package org.descent.testing;

import java.util.List;
import java.util.Map;

import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Precision;
import org.descent.core.Subject;

/** A model from the registry, bound to a small data set, at given parameters: a Subject for analysis tests (the batch is the whole data set, in training mode). */
public final class FixedSubject implements Subject {

    private final Model model;
    private final LossFunction loss;
    private final Data data;
    private final List<ParameterBlock> blocks;
    private final double[] theta;
    private final double learningRate;

    public FixedSubject(String model, Map<String, ?> hyperparameters, String loss, Data data, double[] theta,
            double learningRate) {
        this.model = Contributions.create("models", model, hyperparameters, Model.class);
        this.loss = Contributions.create("losses", loss, Map.of(), LossFunction.class);
        this.data = data;
        this.blocks = this.model.bind(data.shape(), this.loss);
        if (ParameterBlock.total(blocks) != theta.length) {
            throw new IllegalArgumentException(theta.length + " parameters given, the model has "
                    + ParameterBlock.total(blocks));
        }
        this.theta = theta.clone();
        this.learningRate = learningRate;
    }

    @Override
    public String label() {
        return model + " (test)";
    }

    @Override
    public Model model() {
        return model;
    }

    @Override
    public LossFunction loss() {
        return loss;
    }

    @Override
    public DataShape shape() {
        return data.shape();
    }

    @Override
    public Data data() {
        return data;
    }

    @Override
    public List<ParameterBlock> blocks() {
        return blocks;
    }

    @Override
    public int size() {
        return ParameterBlock.total(blocks);
    }

    @Override
    public double[] parameters() {
        return theta.clone();
    }

    @Override
    public long step() {
        return 0;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public int batchSize() {
        return data.rows();
    }

    @Override
    public Batch batch(int rows) {
        return Batch.of(data).mode(true, 0);
    }

    @Override
    public Model.Evaluator evaluator(int maxBatch) {
        return model.evaluator(Precision.FP64, maxBatch);
    }

    @Override
    public double objective(Model.Evaluator evaluator, double[] parameters, Batch batch, double[] gradient) {
        return evaluator.lossAndGradient(parameters, batch, gradient);
    }

    @Override
    public List<Point> trajectory() {
        return List.of();
    }
}
