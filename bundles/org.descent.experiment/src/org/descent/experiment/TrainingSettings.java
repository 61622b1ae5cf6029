package org.descent.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.descent.core.Hyperparameter;
import org.descent.core.Hyperparameter.Range;
import org.descent.core.Hyperparameter.Type;
import org.descent.core.Precision;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentPackage;
import org.eclipse.emf.ecore.EAnnotation;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The training budget and numerics of an {@link Experiment} (batch size, epochs, steps,
 * tolerances, seed, precision, clipping, validation, checkpoints, compute device and threads),
 * declared once in the experiment model: every attribute of {@code Experiment} that carries an
 * annotation with source {@value #SOURCE} is a training setting. The annotation gives its
 * command-line {@code option} name, its {@code range} in interval notation (optional), its
 * {@code doc}, optionally a word the command line takes for 0 ({@code zero}) and the placeholder
 * of its value in help ({@code placeholder}); the attribute gives its name, type and default.
 * The command line's options, the editor's form and the validation of experiments derive from
 * this declaration.
 *
 * @since 0.1.0
 */
public final class TrainingSettings {

    /** The source of the annotations that declare training settings in experiment.ecore. */
    public static final String SOURCE = "http://descent.org/experiment/setting";

    /**
     * One training setting.
     *
     * @param attribute the attribute of {@code Experiment} that holds it
     * @param declaration name (the attribute's), type, default, range and doc, as for a
     *            contribution's hyperparameter
     * @param option the command-line option's name, without dashes
     * @param zero a word the command line takes for 0 (batch: {@code full}), or {@code null}
     * @param hint the placeholder of the value in help as declared ({@code auto|cpu|BACKEND[:N]}),
     *            or {@code null} for one from the type
     */
    public record Setting(EAttribute attribute, Hyperparameter declaration, String option, @Nullable String zero,
            @Nullable String hint) {

        public String name() {
            return attribute.getName();
        }

        /**
         * The placeholder of the option's value in help: the declared one, else {@code N},
         * {@code X}, {@code TEXT}, or the option's name in capitals for a choice (its doc lists
         * the choices).
         */
        public String placeholder() {
            if (hint != null) {
                return hint;
            }
            String p = switch (declaration.type()) {
            case INTEGER -> "N";
            case CHOICE -> option.toUpperCase(Locale.ROOT);
            case STRING -> "TEXT";
            default -> "X";
            };
            return zero == null ? p : p + "|" + zero;
        }

        /** The value an experiment holds, as text. */
        public String text(Experiment e) {
            return EcoreUtil.convertToString(attribute.getEAttributeType(), e.eGet(attribute));
        }

        /**
         * What is wrong with a value given as text ({@code 'x' is not valid, expected a whole
         * number}), or {@code null} when {@link #set} accepts it.
         */
        public @Nullable String problem(String text) {
            return declaration.problem(text);
        }

        /**
         * Sets the value of an experiment from text.
         *
         * @throws IllegalArgumentException naming this setting when the text is not valid
         */
        public void set(Experiment e, String text) {
            declaration.parse(text);
            e.eSet(attribute, EcoreUtil.createFromString(attribute.getEAttributeType(), text.strip()));
        }
    }

    private static final List<Setting> ALL = read();

    private TrainingSettings() {
    }

    /** Every training setting, in the model's order. */
    public static List<Setting> all() {
        return ALL;
    }

    /** The declarations of every training setting, for a form. */
    public static List<Hyperparameter> declarations() {
        return ALL.stream().map(Setting::declaration).toList();
    }

    /**
     * Every value of an experiment that its declaration refuses, as {@code name: 'text' is not
     * valid, expected ...}.
     */
    public static List<String> problems(Experiment e) {
        List<String> problems = new ArrayList<>();
        for (Setting s : ALL) {
            String problem = s.problem(s.text(e));
            if (problem != null) {
                problems.add(s.name() + ": " + problem);
            }
        }
        return problems;
    }

    private static List<Setting> read() {
        List<Setting> settings = new ArrayList<>();
        for (EStructuralFeature f : ExperimentPackage.Literals.EXPERIMENT.getEStructuralFeatures()) {
            EAnnotation a = f.getEAnnotation(SOURCE);
            if (a == null || !(f instanceof EAttribute attribute)) {
                continue;
            }
            String option = a.getDetails().get("option");
            String range = a.getDetails().get("range");
            String doc = a.getDetails().get("doc");
            if (option == null || doc == null) {
                throw new IllegalStateException("experiment.ecore: " + f.getName() + " needs an option and a doc");
            }
            EDataType type = attribute.getEAttributeType();
            Class<?> c = type.getInstanceClass();
            Type t;
            List<String> choices = List.of();
            if (c == int.class || c == long.class) {
                t = Type.INTEGER;
            } else if (c == double.class) {
                t = Type.DOUBLE;
            } else if (c == String.class) {
                t = Type.STRING;
            } else if (c == Precision.class) {
                t = Type.CHOICE;
                choices = Arrays.stream(Precision.values()).map(Precision::id).toList();
            } else {
                throw new IllegalStateException("experiment.ecore: " + f.getName() + " has a type that is no setting: "
                        + type.getName());
            }
            String defaultText = attribute.getDefaultValueLiteral();
            Hyperparameter h = new Hyperparameter(f.getName(), t, defaultText == null ? "0" : defaultText,
                    range == null ? null : Range.parse(range), choices, doc);
            settings.add(new Setting(attribute, h, option, a.getDetails().get("zero"), a.getDetails().get("placeholder")));
        }
        return List.copyOf(settings);
    }
}
