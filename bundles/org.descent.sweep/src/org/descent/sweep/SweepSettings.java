package org.descent.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.descent.core.Hyperparameter;
import org.descent.core.Hyperparameter.Range;
import org.descent.core.Hyperparameter.Type;
import org.descent.experiment.TrainingSettings;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentPackage;
import org.descent.experiment.model.Sweep;
import org.descent.experiment.model.SweptParameter;
import org.eclipse.emf.ecore.EAnnotation;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * The sweep an experiment file keeps ({@link Sweep} in experiment.ecore) as a {@link Study}: its
 * settings (seeds, trials, search seed, metric, mode, scheduler, grace period, reduction factor,
 * parallel) are declared once in the model, as the training settings are (an annotation with
 * source {@value TrainingSettings#SOURCE} giving the command-line option, range, choices and doc;
 * the attribute its name, type and default), and the editor's form, the file's validation and
 * {@code descent sweep --experiment}'s overrides derive from that declaration. A choice whose
 * {@code choices} are {@code metrics} takes {@link Study#METRICS}.
 */
public final class SweepSettings {

    /** How messages name a swept parameter of a file. */
    public static final String PARAMETER = "sweep parameter";

    /**
     * One setting of a sweep.
     *
     * @param attribute the attribute of {@code Sweep} that holds it
     * @param declaration name (the attribute's), type, default, range, choices and doc
     * @param option the option of {@code descent sweep} that sets it, without dashes
     */
    public record Setting(EAttribute attribute, Hyperparameter declaration, String option) {

        public String name() {
            return attribute.getName();
        }

        /** The value a sweep holds, as text. */
        public String text(Sweep s) {
            Object v = s.eGet(attribute);
            return v == null ? "" : EcoreUtil.convertToString(attribute.getEAttributeType(), v);
        }

        /**
         * Sets the value of a sweep from text.
         *
         * @throws IllegalArgumentException naming what the declaration expects
         */
        public void set(Sweep s, String text) {
            String problem = declaration.problem(text);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            s.eSet(attribute, EcoreUtil.createFromString(attribute.getEAttributeType(), text.strip()));
        }
    }

    private static final List<Setting> ALL = read();

    private SweepSettings() {
    }

    /** Every setting of a sweep, in the model's order. */
    public static List<Setting> all() {
        return ALL;
    }

    /** The declarations of every setting, for a form. */
    public static List<Hyperparameter> declarations() {
        return ALL.stream().map(Setting::declaration).toList();
    }

    /** A sweep's parameters as {@code --param} takes them: {@code optimizer.lr=loguniform(1e-4,1e-1)}. */
    public static List<String> parameterTexts(Sweep s) {
        return s.getParameters().stream().map(p -> (p.getName() == null ? "" : p.getName().strip()) + "="
                + (p.getDistribution() == null ? "" : p.getDistribution().strip())).toList();
    }

    /** A new swept parameter. */
    public static SweptParameter parameter(String name, String distribution) {
        SweptParameter p = org.descent.experiment.model.ExperimentFactory.eINSTANCE.createSweptParameter();
        p.setName(name);
        p.setDistribution(distribution);
        return p;
    }

    /**
     * The study a sweep describes over its experiment (whose budget ASHA takes): parameters, seeds
     * and settings checked in that order.
     *
     * @throws IllegalArgumentException naming the parameter ({@value #PARAMETER} 'optimizer.lr')
     *             or the setting ({@code sweep trials}) and what is wrong
     */
    public static Study study(Sweep s, Experiment base) {
        if (s.getParameters().isEmpty()) {
            throw new IllegalArgumentException("the sweep has no parameter: add one, e.g. optimizer.lr with"
                    + " loguniform(1e-4,1e-1)");
        }
        SearchSpace space = SearchSpace.parse(parameterTexts(s), PARAMETER);
        String seeds = s.getSeeds() == null ? "" : s.getSeeds().strip();
        if (!seeds.isEmpty()) {
            space = space.withSeeds(SearchSpace.seeds(seeds, "sweep seeds"));
        }
        for (Setting t : ALL) {
            String problem = t.declaration().problem(t.text(s));
            if (problem != null) {
                throw new IllegalArgumentException("sweep " + t.option() + ": " + problem);
            }
        }
        boolean minimize = !"max".equals(s.getMode());
        Asha asha = null;
        if ("asha".equals(s.getScheduler())) {
            if (base.getEpochs() == 0) {
                throw new IllegalArgumentException("sweep scheduler: asha compares trials at the end of epochs: give the"
                        + " experiment a budget in epochs (not steps), or choose scheduler none");
            }
            try {
                asha = new Asha(s.getGracePeriod(), s.getReductionFactor(), base.getEpochs(), minimize);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sweep grace-period: " + e.getMessage());
            }
        }
        return new Study(space, s.getTrials(), s.getSearchSeed(), s.getMetric(), minimize, asha, s.getParallel(),
                s.getAnalyses());
    }

    private static List<Setting> read() {
        List<Setting> settings = new ArrayList<>();
        for (EStructuralFeature f : ExperimentPackage.Literals.SWEEP.getEStructuralFeatures()) {
            EAnnotation a = f.getEAnnotation(TrainingSettings.SOURCE);
            if (a == null || !(f instanceof EAttribute attribute)) {
                continue;
            }
            String option = a.getDetails().get("option");
            String doc = a.getDetails().get("doc");
            if (option == null || doc == null) {
                throw new IllegalStateException("experiment.ecore: Sweep." + f.getName() + " needs an option and a doc");
            }
            String range = a.getDetails().get("range");
            String choiceText = a.getDetails().get("choices");
            Class<?> c = attribute.getEAttributeType().getInstanceClass();
            Type type;
            List<String> choices = List.of();
            if (c == int.class || c == long.class) {
                type = Type.INTEGER;
            } else if (choiceText != null) {
                type = Type.CHOICE;
                choices = choiceText.equals("metrics") ? Study.METRICS : Arrays.asList(choiceText.split(","));
            } else if (c == String.class) {
                type = Type.STRING;
            } else {
                throw new IllegalStateException("experiment.ecore: Sweep." + f.getName() + " has a type that is no setting");
            }
            String defaultText = attribute.getDefaultValueLiteral();
            Hyperparameter h = new Hyperparameter(f.getName(), type, defaultText == null ? "" : defaultText,
                    range == null ? null : Range.parse(range), choices, doc);
            settings.add(new Setting(attribute, h, option));
        }
        return List.copyOf(settings);
    }
}
