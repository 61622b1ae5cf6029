package org.descent.headless.internal;

import java.util.List;

import org.descent.core.Batch;
import org.descent.core.Data;
import org.descent.core.DataShape;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.ParameterBlock;
import org.descent.core.Subject;

/** A subject whose default batch is {@code descent analyze --rows N} rows. */
record RowsSubject(Subject s, int rows) implements Subject {

    @Override
    public String label() {
        return s.label();
    }

    @Override
    public Model model() {
        return s.model();
    }

    @Override
    public LossFunction loss() {
        return s.loss();
    }

    @Override
    public DataShape shape() {
        return s.shape();
    }

    @Override
    public Data data() {
        return s.data();
    }

    @Override
    public List<ParameterBlock> blocks() {
        return s.blocks();
    }

    @Override
    public int size() {
        return s.size();
    }

    @Override
    public double[] parameters() {
        return s.parameters();
    }

    @Override
    public long step() {
        return s.step();
    }

    @Override
    public double learningRate() {
        return s.learningRate();
    }

    @Override
    public int batchSize() {
        return Math.min(rows, s.data().rows());
    }

    @Override
    public Batch batch(int n) {
        return s.batch(n);
    }

    @Override
    public Model.Evaluator evaluator(int maxBatch) {
        return s.evaluator(maxBatch);
    }

    @Override
    public double objective(Model.Evaluator evaluator, double[] parameters, Batch batch, double[] gradient) {
        return s.objective(evaluator, parameters, batch, gradient);
    }

    @Override
    public double penalties(double[] parameters, double[] gradient) {
        return s.penalties(parameters, gradient);
    }

    @Override
    public List<Point> trajectory() {
        return s.trajectory();
    }
}
