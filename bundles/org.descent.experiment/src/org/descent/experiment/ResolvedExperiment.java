package org.descent.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.descent.core.Configurable;
import org.descent.core.Contribution;
import org.descent.core.ContributionProblem;
import org.descent.core.ContributionRegistry;
import org.descent.core.Dataset;
import org.descent.core.ExtensionPoints;
import org.descent.core.LossFunction;
import org.descent.core.Model;
import org.descent.core.Optimizer;
import org.descent.core.PluginFault;
import org.descent.core.Precision;
import org.descent.core.Probe;
import org.descent.core.Regularizer;
import org.descent.core.Schedule;
import org.descent.core.Settings;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.Setting;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An experiment checked against the installed contributions: every component found, every
 * value parsed against its declaration, and the implementations created and configured.
 * Creating one reports all problems at once, each naming the element and the value.
 *
 * @since 0.1.0
 */
public final class ResolvedExperiment {

    /** One resolved component: its role, contribution, settings and configured implementation. */
    public record Part<T>(String role, Contribution contribution, Settings settings, T implementation) {
    }

    private final Experiment experiment;
    private final Part<Dataset> dataset;
    private final Part<Model> model;
    private final Part<LossFunction> loss;
    private final Part<Optimizer> optimizer;
    private final @Nullable Part<Schedule> schedule;
    private final List<Part<Regularizer>> regularizers;
    private final List<Part<Probe>> probes;
    private final Precision precision;

    private ResolvedExperiment(Experiment experiment, Builder b) {
        this.experiment = experiment;
        this.dataset = b.get(b.dataset);
        this.model = b.get(b.model);
        this.loss = b.get(b.loss);
        this.optimizer = b.get(b.optimizer);
        this.schedule = b.schedule;
        this.regularizers = List.copyOf(b.regularizers);
        this.probes = List.copyOf(b.probes);
        this.precision = b.precision;
    }

    /**
     * Resolves an experiment.
     *
     * @param file the file it came from, to point messages at lines; null when it has none
     * @throws ExperimentException with every problem found
     */
    public static ResolvedExperiment resolve(Experiment e, ContributionRegistry registry, @Nullable Path file)
            throws ExperimentException {
        Builder b = new Builder(registry, file);
        b.dataset = b.part("dataset", ExtensionPoints.DATASETS, "dataset", e.getDataset(), Dataset.class);
        b.model = b.part("model", ExtensionPoints.MODELS, "model", e.getModel(), Model.class);
        b.loss = b.part("loss", ExtensionPoints.LOSSES, "loss", e.getLoss(), LossFunction.class);
        b.optimizer = b.part("optimizer", ExtensionPoints.OPTIMIZERS, "optimizer", e.getOptimizer(), Optimizer.class);
        if (e.getSchedule() != null) {
            b.schedule = b.part("schedule", ExtensionPoints.SCHEDULES, "schedule", e.getSchedule(), Schedule.class);
        }
        for (Component c : e.getRegularizers()) {
            Part<Regularizer> p = b.part("regularizer", ExtensionPoints.LOSSES, "regularizer", c, Regularizer.class);
            if (p != null) {
                b.regularizers.add(p);
            }
        }
        for (Component c : e.getProbes()) {
            Part<Probe> p = b.part("probe", ExtensionPoints.PROBES, "probe", c, Probe.class);
            if (p != null) {
                b.probes.add(p);
            }
        }
        b.checkBudget(e);
        if (!b.problems.isEmpty()) {
            throw new ExperimentException(b.problems);
        }
        return new ResolvedExperiment(e, b);
    }

    public Experiment experiment() {
        return experiment;
    }

    public Part<Dataset> dataset() {
        return dataset;
    }

    public Part<Model> model() {
        return model;
    }

    public Part<LossFunction> loss() {
        return loss;
    }

    public Part<Optimizer> optimizer() {
        return optimizer;
    }

    public @Nullable Part<Schedule> schedule() {
        return schedule;
    }

    public List<Part<Regularizer>> regularizers() {
        return regularizers;
    }

    public List<Part<Probe>> probes() {
        return probes;
    }

    public Precision precision() {
        return precision;
    }

    /** Every part in a fixed order: dataset, model, loss, optimizer, schedule, regularizers, probes. */
    public List<Part<?>> parts() {
        List<Part<?>> all = new ArrayList<>(List.of(dataset, model, loss, optimizer));
        if (schedule != null) {
            all.add(schedule);
        }
        all.addAll(regularizers);
        all.addAll(probes);
        return all;
    }

    private static final class Builder {
        final ContributionRegistry registry;
        final @Nullable Path file;
        final List<String> problems = new ArrayList<>();
        @Nullable
        Part<Dataset> dataset;
        @Nullable
        Part<Model> model;
        @Nullable
        Part<LossFunction> loss;
        @Nullable
        Part<Optimizer> optimizer;
        @Nullable
        Part<Schedule> schedule;
        final List<Part<Regularizer>> regularizers = new ArrayList<>();
        final List<Part<Probe>> probes = new ArrayList<>();
        Precision precision = Precision.FP64;

        Builder(ContributionRegistry registry, @Nullable Path file) {
            this.registry = registry;
            this.file = file;
        }

        <T> Part<T> get(@Nullable Part<T> p) {
            if (p == null) {
                throw new IllegalStateException("unresolved part");
            }
            return p;
        }

        /** {@code FILE:LINE: element}, or just the element when there is no file. */
        private String where(String element, @Nullable String value) {
            if (file == null) {
                return element;
            }
            int line = value == null ? 0 : ExperimentFiles.lineOf(file, "\"" + value + "\"");
            return file + (line > 0 ? ":" + line : "") + (element.isEmpty() ? "" : ": " + element);
        }

        <T extends Configurable> @Nullable Part<T> part(String role, String point, String kind,
                @Nullable Component c, Class<T> type) {
            if (c == null) {
                problems.add(where(role, null) + ": missing (the experiment needs a " + role + ")");
                return null;
            }
            String id = c.getId() == null ? "" : c.getId();
            Contribution contribution = registry.find(point, id).filter(x -> x.kind().equals(kind)).orElse(null);
            ContributionProblem leftOut = contribution == null
                    ? registry.problem(point, id).filter(x -> x.kind().equals(kind)).orElse(null)
                    : null;
            if (leftOut != null) {
                // installed but broken: say why, as `descent plugins` does
                problems.add(where(role + " '" + id + "'", id) + ": installed by bundle " + leftOut.bundle()
                        + " but left out: " + leftOut.reason());
                return null;
            }
            if (contribution == null) {
                List<String> known = registry.contributions(point).stream().filter(x -> x.kind().equals(kind))
                        .map(Contribution::id).toList();
                problems.add(where(role + " '" + id + "'", id) + ": no " + kind + " with this id is installed; known: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)));
                return null;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Setting s : c.getSettings()) {
                if (values.put(s.getName(), s.getValue() == null ? "" : s.getValue()) != null) {
                    problems.add(where(role + " '" + id + "'", s.getName()) + ": '" + s.getName() + "' is set twice");
                }
            }
            Settings settings;
            try {
                settings = Settings.resolve(contribution, values);
            } catch (IllegalArgumentException e) {
                String bad = values.keySet().stream().filter(k -> e.getMessage().contains("'" + k + "'")).findFirst()
                        .map(values::get).orElse(id);
                String at = where("", bad);
                problems.add(at.isEmpty() ? e.getMessage() : at + ": " + e.getMessage());
                return null;
            }
            T impl;
            try {
                impl = registry.createExecutable(contribution, type);
            } catch (CoreException e) {
                // the registry's message names the contribution and its bundle already
                String at = where("", id);
                String m = e.getStatus().getMessage();
                problems.add(at.isEmpty() ? m : at + ": " + m);
                return null;
            }
            try {
                impl.configure(settings);
                return new Part<>(role, contribution, settings, impl);
            } catch (IllegalArgumentException e) {
                // a contribution's message usually names its owner already ("model 'mlp': ..."): say it once
                String m = String.valueOf(e.getMessage());
                String at = where(m.startsWith(settings.owner()) ? "" : role + " '" + id + "'", id);
                problems.add(at.isEmpty() ? m : at + ": " + m);
            } catch (RuntimeException | LinkageError e) {
                // not a bad value but a bug or a missing resource: the plugin's own words, the chain in the log
                PluginFault fault = new PluginFault(contribution, "configure", e);
                ILog.of(ResolvedExperiment.class).error(fault.getMessage(), fault);
                String at = where("", id);
                problems.add(at.isEmpty() ? fault.getMessage() : at + ": " + fault.getMessage());
            }
            return null;
        }

        /** Each training setting against its declaration, then steps and epochs together. */
        void checkBudget(Experiment e) {
            for (String problem : TrainingSettings.problems(e)) {
                problems.add(file == null ? problem : where("", null) + ": " + problem);
            }
            if (e.getSteps() > 0 && e.getEpochs() > 0) {
                problems.add(where("steps", null) + ": give steps or epochs, not both");
            }
            if (e.getSteps() == 0 && e.getEpochs() == 0) {
                problems.add(where("steps", null) + ": no budget: set steps or epochs");
            }
            precision = e.getPrecision();
        }
    }
}
