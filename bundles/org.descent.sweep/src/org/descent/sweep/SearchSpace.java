package org.descent.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.descent.core.Contribution;
import org.descent.core.ContributionRegistry;
import org.descent.core.ExtensionPoints;
import org.descent.core.Hyperparameter;
import org.descent.experiment.TrainingSettings;
import org.descent.experiment.model.Component;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.descent.experiment.model.Setting;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The parameters a sweep varies, each {@code NAME=distribution}: NAME is a component's
 * hyperparameter ({@code optimizer.lr}), a component itself ({@code optimizer}: its id) or a
 * training setting by its option name ({@code batch}, {@code seed}). Checked against the
 * declarations before anything runs; draws are seeded, so the same space and seed give the same
 * trials.
 */
public final class SearchSpace {

    /** The roles of an experiment's components, as a parameter's NAME names them, with their extension point. */
    private static final Map<String, String> ROLES = roles();
    /** How the command line names a swept parameter in messages. */
    private static final String OPTION = "--param";

    /**
     * One swept parameter.
     *
     * @param name {@code optimizer.lr}, {@code optimizer} or {@code batch}
     * @param distribution where its values come from
     */
    public record Parameter(String name, Distribution distribution) {

        /** {@code optimizer.lr=loguniform(1.0E-4,0.1)}. */
        public String text() {
            return name + "=" + distribution.text();
        }
    }

    /**
     * One trial's values.
     *
     * @param index its number in the study, from 0
     * @param values each parameter's value as text, in the space's order
     */
    public record Trial(int index, Map<String, String> values) {
        public Trial {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }
    }

    private final List<Parameter> parameters;

    public SearchSpace(List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * Parses {@code NAME=distribution} texts, as {@code --param} gives them.
     *
     * @throws IllegalArgumentException naming the parameter and what is wrong
     */
    public static SearchSpace parse(List<String> texts) {
        return parse(texts, OPTION);
    }

    /**
     * Parses {@code NAME=distribution} texts that {@code label} names in messages: {@code --param}
     * on the command line, {@code sweep parameter} in an experiment file.
     *
     * @throws IllegalArgumentException naming the parameter and what is wrong
     */
    public static SearchSpace parse(List<String> texts, String label) {
        List<Parameter> list = new ArrayList<>();
        for (String t : texts) {
            int eq = t.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(label + " '" + t + "' is not NAME=distribution, e.g."
                        + " optimizer.lr=loguniform(1e-4,1e-1)");
            }
            String name = t.substring(0, eq).strip();
            if (list.stream().anyMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException(label + " '" + name + "' is given twice");
            }
            try {
                list.add(new Parameter(name, Distribution.parse(t.substring(eq + 1))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(label + " '" + name + "': " + e.getMessage());
            }
        }
        return new SearchSpace(list);
    }

    /**
     * {@code 0..4} (both ends included) or {@code 0,3,7}: the seeds each configuration is trained
     * with, as a grid over the training setting {@code seed}.
     *
     * @throws IllegalArgumentException when the text is neither
     */
    public static List<String> seeds(String text) {
        return seeds(text, "--seeds");
    }

    /** As {@link #seeds(String)}, with {@code label} naming the text in messages. */
    public static List<String> seeds(String text, String label) {
        String t = text.strip();
        List<String> seeds = new ArrayList<>();
        try {
            int dots = t.indexOf("..");
            if (dots >= 0) {
                long from = Long.parseLong(t.substring(0, dots).strip());
                long to = Long.parseLong(t.substring(dots + 2).strip());
                if (from < 0 || to < from || to - from >= 10_000) {
                    throw new IllegalArgumentException(label + " '" + text + "': expected FROM..TO with 0 <= FROM <= TO"
                            + " and at most 10000 seeds");
                }
                for (long s = from; s <= to; s++) {
                    seeds.add(Long.toString(s));
                }
            } else {
                for (String s : t.split(",", -1)) {
                    long v = Long.parseLong(s.strip());
                    if (v < 0) {
                        throw new NumberFormatException();
                    }
                    seeds.add(Long.toString(v));
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " '" + text + "' is not valid, expected FROM..TO (0..4) or a list"
                    + " of whole numbers >= 0 (0,3,7)");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException(label + " '" + text + "' lists a seed twice");
        }
        return seeds;
    }

    /** This space with the seeds as a last grid parameter {@code seed}. */
    public SearchSpace withSeeds(List<String> seeds) {
        if (parameters.stream().anyMatch(p -> p.name().equals("seed"))) {
            throw new IllegalArgumentException("--seeds and --param seed=... both sweep the seed: give one");
        }
        List<Parameter> list = new ArrayList<>(parameters);
        list.add(new Parameter("seed", new Distribution.Grid(seeds)));
        return new SearchSpace(list);
    }

    /** Whether any parameter is drawn at random (anything but a grid). */
    public boolean isRandom() {
        return parameters.stream().anyMatch(p -> !(p.distribution() instanceof Distribution.Grid));
    }

    /**
     * Everything wrong with this space for an experiment, each naming the parameter: names that
     * are no component or setting, hyperparameters the component does not declare, values outside
     * their declaration (both bounds of a range, every value of a list), distributions that do
     * not fit the type.
     */
    public List<String> problems(Experiment base, ContributionRegistry registry) {
        return problems(base, registry, OPTION);
    }

    /** As {@link #problems(Experiment, ContributionRegistry)}, each naming the parameter after {@code label}. */
    public List<String> problems(Experiment base, ContributionRegistry registry, String label) {
        List<String> problems = new ArrayList<>();
        for (Parameter p : parameters) {
            String problem = problem(p, base, registry);
            if (problem != null) {
                problems.add(label + " '" + p.name() + "': " + problem);
            }
        }
        return problems;
    }

    private @Nullable String problem(Parameter p, Experiment base, ContributionRegistry registry) {
        String name = p.name();
        Optional<TrainingSettings.Setting> setting = setting(name);
        if (setting.isPresent()) {
            return values(p, setting.get().declaration(), setting.get().zero());
        }
        int dot = name.indexOf('.');
        String role = dot < 0 ? name : name.substring(0, dot);
        String point = ROLES.get(role);
        if (point == null) {
            return "'" + role + "' is not a component (" + String.join(", ", ROLES.keySet())
                    + ") or a training setting (" + String.join(", ", TrainingSettings.all().stream()
                            .map(TrainingSettings.Setting::option).toList()) + ")";
        }
        Component component = component(base, role);
        if (component == null) {
            return "the experiment has no " + role + " (give --" + role + ")";
        }
        if (dot < 0) {
            if (!(p.distribution() instanceof Distribution.Choice || p.distribution() instanceof Distribution.Grid)) {
                return article(role) + " is chosen by id: use choice(ID,...) or grid(ID,...), not " + p.distribution().text();
            }
            for (String id : p.distribution().listed()) {
                if (registry.find(point, id).isEmpty()) {
                    return "'" + id + "' is not " + article(role) + " (known: " + String.join(", ", registry.contributions(point)
                            .stream().filter(c -> c.kind().equals(role)).map(Contribution::id).toList()) + ")";
                }
            }
            return null;
        }
        String hp = name.substring(dot + 1);
        List<String> ids = ids(role, component);
        for (String id : ids) {
            Optional<Contribution> c = registry.find(point, id);
            if (c.isEmpty()) {
                return "'" + id + "' is not " + article(role);
            }
            Optional<Hyperparameter> h = c.get().hyperparameter(hp);
            if (h.isEmpty()) {
                return role + " '" + id + "' declares no hyperparameter '" + hp + "' (it has " + (c.get().hyperparameters()
                        .isEmpty() ? "none" : String.join(", ", c.get().hyperparameters().stream().map(Hyperparameter::name)
                                .toList())) + ")";
            }
            String problem = values(p, h.get(), null);
            if (problem != null) {
                return ids.size() > 1 ? role + " '" + id + "': " + problem : problem;
            }
        }
        return null;
    }

    /** The ids a role takes in the sweep: those a parameter {@code role=choice(...)} lists, else the experiment's. */
    private List<String> ids(String role, Component component) {
        for (Parameter q : parameters) {
            if (q.name().equals(role)) {
                return q.distribution().listed();
            }
        }
        return List.of(component.getId());
    }

    private static @Nullable String values(Parameter p, Hyperparameter h, @Nullable String zero) {
        Distribution d = p.distribution();
        boolean range = d instanceof Distribution.LogUniform || d instanceof Distribution.Uniform;
        if (range && h.type() != Hyperparameter.Type.DOUBLE && h.type() != Hyperparameter.Type.INTEGER) {
            return d.text() + " draws numbers, but '" + h.name() + "' is a " + h.type().id()
                    + (h.type() == Hyperparameter.Type.CHOICE ? " (use choice(" + String.join(",", h.choices()) + "))" : "");
        }
        for (String v : d.listed()) {
            String text = zero != null && v.equals(zero) ? "0" : v;
            if (range && h.type() == Hyperparameter.Type.INTEGER) {
                text = Long.toString(Math.round(Double.parseDouble(v)));
            }
            String problem = h.problem(text);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * The trials: the cartesian product of the grids (the first parameter varies slowest), each
     * combination {@code samples} times with its random parameters drawn in turn from one
     * generator seeded with {@code seed}, as Ray Tune's {@code num_samples} with grid search.
     */
    public List<Trial> trials(int samples, long seed, Experiment base, ContributionRegistry registry) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Parameter> grids = parameters.stream().filter(p -> p.distribution() instanceof Distribution.Grid).toList();
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Parameter g : grids) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combinations) {
                for (String v : g.distribution().listed()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(g.name(), v);
                    next.add(m);
                }
            }
            combinations = next;
        }
        List<Trial> trials = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            for (Map<String, String> c : combinations) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Parameter p : parameters) {
                    values.put(p.name(), p.distribution() instanceof Distribution.Grid ? c.get(p.name())
                            : p.distribution().draw(random, type(p.name(), base, registry)));
                }
                trials.add(new Trial(trials.size(), values));
            }
        }
        return trials;
    }

    private static Hyperparameter.Type type(String name, Experiment base, ContributionRegistry registry) {
        Optional<TrainingSettings.Setting> setting = setting(name);
        if (setting.isPresent()) {
            return setting.get().declaration().type();
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return Hyperparameter.Type.STRING;
        }
        String role = name.substring(0, dot);
        Component c = component(base, role);
        return c == null ? Hyperparameter.Type.DOUBLE : registry.find(ROLES.get(role), c.getId())
                .flatMap(x -> x.hyperparameter(name.substring(dot + 1))).map(Hyperparameter::type)
                .orElse(Hyperparameter.Type.DOUBLE);
    }

    /**
     * A copy of the experiment with a trial's values: components chosen first (keeping the
     * settings the new contribution declares), then hyperparameters and training settings.
     */
    public static Experiment apply(Experiment base, Map<String, String> values, ContributionRegistry registry) {
        Experiment e = EcoreUtil.copy(base);
        values.forEach((name, v) -> {
            if (ROLES.containsKey(name)) {
                Component c = java.util.Objects.requireNonNull(component(e, name));
                Optional<Contribution> chosen = registry.find(ROLES.get(name), v);
                c.setId(v);
                c.getSettings().removeIf(s -> chosen.isPresent() && chosen.get().hyperparameter(s.getName()).isEmpty());
            }
        });
        values.forEach((name, v) -> {
            Optional<TrainingSettings.Setting> setting = setting(name);
            if (setting.isPresent()) {
                TrainingSettings.Setting t = setting.get();
                t.set(e, t.zero() != null && v.equals(t.zero()) ? "0" : v);
            } else if (name.indexOf('.') > 0) {
                Component c = java.util.Objects.requireNonNull(component(e, name.substring(0, name.indexOf('.'))));
                String hp = name.substring(name.indexOf('.') + 1);
                Setting s = c.getSettings().stream().filter(x -> x.getName().equals(hp)).findFirst().orElse(null);
                if (s == null) {
                    s = ExperimentFactory.eINSTANCE.createSetting();
                    s.setName(hp);
                    c.getSettings().add(s);
                }
                s.setValue(v);
            }
        });
        return e;
    }

    private static Optional<TrainingSettings.Setting> setting(String name) {
        return TrainingSettings.all().stream().filter(t -> t.option().equals(name)).findFirst();
    }

    private static @Nullable Component component(Experiment e, String role) {
        return switch (role) {
        case "dataset" -> e.getDataset();
        case "model" -> e.getModel();
        case "loss" -> e.getLoss();
        case "optimizer" -> e.getOptimizer();
        case "schedule" -> e.getSchedule();
        case "regularizer" -> e.getRegularizers().isEmpty() ? null : e.getRegularizers().get(0);
        case "probe" -> e.getProbes().isEmpty() ? null : e.getProbes().get(0);
        default -> null;
        };
    }

    /** "an optimizer", "a model". */
    private static String article(String role) {
        return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ") + role;
    }

    private static Map<String, String> roles() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dataset", ExtensionPoints.DATASETS);
        m.put("model", ExtensionPoints.MODELS);
        m.put("loss", ExtensionPoints.LOSSES);
        m.put("optimizer", ExtensionPoints.OPTIMIZERS);
        m.put("schedule", ExtensionPoints.SCHEDULES);
        m.put("regularizer", ExtensionPoints.LOSSES);
        m.put("probe", ExtensionPoints.PROBES);
        return java.util.Collections.unmodifiableMap(m);
    }
}
