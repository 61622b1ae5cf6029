package org.descent.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.descent.core.Contribution;
import org.descent.core.ExtensionPoints;
import org.descent.core.Hyperparameter;
import org.descent.core.Hyperparameter.Range;
import org.descent.core.Hyperparameter.Type;
import org.descent.core.Settings;
import org.descent.testing.Contributions;
import org.descent.testing.ui.Widgets;
import org.descent.ui.forms.HyperparameterForm;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The form generator: one widget per declared type, defaults as hints, validation as you type. */
class HyperparameterFormTest {

    private static final List<Hyperparameter> EVERY_TYPE = List.of(
            new Hyperparameter("lr", Type.DOUBLE, "0.01", Range.parse("(0,inf)"), List.of(), "Learning rate."),
            new Hyperparameter("warmup", Type.INTEGER, "10", Range.parse("[0,1000]"), List.of(), "Warm-up steps."),
            new Hyperparameter("nesterov", Type.BOOLEAN, "false", null, List.of(), "Nesterov momentum."),
            new Hyperparameter("name", Type.STRING, "run", null, List.of(), "A label."),
            new Hyperparameter("mode", Type.CHOICE, "min", null, List.of("min", "max"), "Which way is better."),
            new Hyperparameter("betas", Type.DOUBLES, "[0.9,0.999]", Range.parse("[0,1)"), List.of(), "Decay rates."));

    private Shell shell;

    @BeforeEach
    void shell() {
        shell = new Shell(Display.getCurrent());
        shell.setLayout(new FillLayout());
        shell.setSize(new Point(720, 260));
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    /** A text value offered in a drop-down: items show what each value is, the form gives the value alone. */
    @Test
    void offeredValuesAreADropDownThatStillTakesOtherText() throws Exception {
        Hyperparameter device = new Hyperparameter("device", Type.STRING, "auto", null, List.of(), "Compute device.");
        HyperparameterForm form = new HyperparameterForm(shell, "", List.of(device), Map.of("device", "gpu:1"),
                java.util.Set.of("device"));
        List<String> heard = new java.util.ArrayList<>();
        form.addListener((name, text, problem) -> heard.add(name + "=" + text));
        shell.open();
        Combo combo = assertInstanceOf(Combo.class, form.control("device"));
        assertEquals("gpu:1", combo.getText());
        form.suggest("device", List.of("auto", "cpu", "opencl"), List.of("the first GPU, else cpu", "the host",
                "OpenCL (not available: no library)"));
        assertEquals(List.of("auto - the first GPU, else cpu", "cpu - the host", "opencl - OpenCL (not available: no library)"),
                Arrays.asList(combo.getItems()));
        assertEquals("gpu:1", combo.getText(), "a value not offered stays shown");
        assertEquals(List.of(), heard, "offering values is no edit");
        combo.select(1);
        combo.notifyListeners(SWT.Modify, new org.eclipse.swt.widgets.Event());
        assertEquals("cpu", form.values().get("device"));
        assertEquals("device=cpu", heard.get(heard.size() - 1));
        form.setValues(Map.of());
        assertEquals("auto - the first GPU, else cpu", combo.getText(), "the default, shown as its item");
        combo.setText("opencl:1");
        assertEquals("opencl:1", form.values().get("device"), "other text can be typed");
        assertThrows(IllegalArgumentException.class, () -> form.suggest("other", List.of(), List.of()));
    }

    @Test
    void everyTypeGetsItsWidgetWithDocAndDefault() throws Exception {
        HyperparameterForm form = new HyperparameterForm(shell, "optimizer 'test'", EVERY_TYPE, Map.of("warmup", "5"));
        shell.open();
        Widgets.spin(100);
        Text lr = assertInstanceOf(Text.class, form.control("lr"));
        assertEquals("", lr.getText());
        assertEquals("default 0.01", lr.getMessage());
        assertTrue(lr.getToolTipText().startsWith("Learning rate."), lr.getToolTipText());
        assertEquals("5", assertInstanceOf(Text.class, form.control("warmup")).getText());
        Button nesterov = assertInstanceOf(Button.class, form.control("nesterov"));
        assertTrue((nesterov.getStyle() & SWT.CHECK) != 0);
        assertFalse(nesterov.getSelection());
        assertInstanceOf(Text.class, form.control("name"));
        Combo mode = assertInstanceOf(Combo.class, form.control("mode"));
        assertEquals(List.of("min", "max"), Arrays.asList(mode.getItems()));
        assertEquals("min", mode.getText());
        assertEquals("default [0.9,0.999]", assertInstanceOf(Text.class, form.control("betas")).getMessage());
        List<String> hints = Widgets.findAll(shell, Label.class).stream().map(Label::getText).toList();
        assertTrue(hints.contains("double in (0,inf), default 0.01"), hints.toString());
        assertTrue(hints.contains("integer in [0,1000], default 10"), hints.toString());
        assertEquals(Map.of("warmup", "5"), form.values());
        assertTrue(form.isValid());
        Settings s = form.settings();
        assertEquals(0.01, s.getDouble("lr"));
        assertEquals(5, s.getLong("warmup"));
        Widgets.screenshot(shell, "editor-form-every-type.png");
    }

    @Test
    void invalidValuesAreNamedAndListenersHearEdits() {
        HyperparameterForm form = new HyperparameterForm(shell, "optimizer 'test'", EVERY_TYPE, Map.of());
        List<String> heard = new ArrayList<>();
        form.addListener((name, text, problem) -> heard.add(name + "=" + text + (problem == null ? "" : " !")));
        shell.open();
        Text lr = (Text) form.control("lr");
        lr.setText("-1");
        assertEquals(Map.of("lr", "optimizer 'test': hyperparameter 'lr': '-1' is not valid, expected a value in (0,inf)"),
                form.problems());
        assertThrows(IllegalArgumentException.class, form::settings);
        lr.setText("");
        assertTrue(form.isValid());
        assertEquals(Map.of(), form.values());
        Button nesterov = (Button) form.control("nesterov");
        nesterov.setSelection(true);
        nesterov.notifyListeners(SWT.Selection, null);
        Combo mode = (Combo) form.control("mode");
        mode.select(1);
        mode.notifyListeners(SWT.Selection, null);
        ((Text) form.control("betas")).setText("[0.5,2]");
        assertEquals(List.of("lr=-1 !", "lr=null", "nesterov=true", "mode=max", "betas=[0.5,2] !"), heard);
        assertEquals(Map.of("nesterov", "true", "mode", "max", "betas", "[0.5,2]"), form.values());
        assertTrue(form.problems().get("betas").contains("expected a value in [0,1)"), form.problems().toString());

        heard.clear();
        form.setValues(Map.of("lr", "0.5"));
        assertEquals(List.of(), heard, "setValues is not an edit");
        assertEquals(Map.of("lr", "0.5"), form.values());
        assertTrue(form.isValid());
        assertFalse(nesterov.getSelection());
    }

    @Test
    void aContributedOptimizerGetsItsFormForFree() throws Exception {
        Contribution adam = Contributions.registry().find(ExtensionPoints.OPTIMIZERS, "adam").orElseThrow();
        HyperparameterForm form = new HyperparameterForm(shell, adam, Map.of("lr", "0.001"));
        assertEquals(adam.hyperparameters(), form.declarations());
        assertEquals("0.001", ((Text) form.control("lr")).getText());
        assertInstanceOf(Button.class, form.control("amsgrad"));
        ((Text) form.control("lr")).setText("fast");
        assertNull(form.problems().get("amsgrad"));
        assertEquals("optimizer 'adam': hyperparameter 'lr': 'fast' is not valid, expected a number",
                form.problems().get("lr"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> form.control("beta"));
        assertTrue(e.getMessage().contains("lr"), e.getMessage());
    }
}
