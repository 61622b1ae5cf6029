package org.descent.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.descent.compute.Backends;
import org.descent.core.Precision;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.RadioGroupFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/**
 * Window &gt; Preferences &gt; Descent: folders, BLAS threads and backend, precision of new
 * experiments, compute device of experiments that say auto.
 */
public final class DescentPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.descent.ui.preferences";

    public DescentPreferencePage() {
        super(GRID);
        setPreferenceStore(new ScopedPreferenceStore(InstanceScope.INSTANCE, DescentPreferences.NODE));
        setDescription("Where runs and experiments are kept, and how the engine computes.");
    }

    @Override
    public void init(IWorkbench workbench) {
        // the store is set in the constructor
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        DirectoryFieldEditor runs = new DirectoryFieldEditor(DescentPreferences.RUN_STORE, "&Run store:", parent);
        runs.setEmptyStringAllowed(true);
        runs.getTextControl(parent).setMessage("empty: " + org.descent.experiment.RunStore.standard().root());
        runs.getTextControl(parent).setToolTipText("The folder that holds one sub-folder per run. Empty: the "
                + "descent.runs system property, else $DESCENT_RUNS, else ~/.descent/runs (as the command line).");
        addField(runs);
        DirectoryFieldEditor experiments = new DirectoryFieldEditor(DescentPreferences.EXPERIMENTS,
                "&Experiments folder:", parent);
        experiments.getTextControl(parent).setToolTipText("The folder of .descent experiment files the navigator lists.");
        addField(experiments);
        IntegerFieldEditor threads = new IntegerFieldEditor(DescentPreferences.THREADS, "BLAS &threads:", parent);
        threads.setValidRange(1, Runtime.getRuntime().availableProcessors());
        threads.getTextControl(parent).setToolTipText("Threads of the native BLAS (OpenBLAS) in wide matrix products "
                + "(system property descent.blas.threads). Each run trains on one thread. Takes effect at the next start.");
        addField(threads);
        addField(new RadioGroupFieldEditor(DescentPreferences.BACKEND, "Compute &backend:", 1,
                new String[][] { { "Plain Java arrays, and OpenBLAS for wide layers when org.descent.nd4j is installed",
                        DescentPreferences.BACKEND_AUTO },
                        { "Plain Java arrays only (descent.blas=java)", DescentPreferences.BACKEND_JAVA } },
                parent, true));
        addField(new ComboFieldEditor(DescentPreferences.PRECISION, "&Precision of new experiments:",
                Arrays.stream(Precision.values())
                        .map(p -> new String[] { p.id() + (p.isMixed() ? " (fp32 master weights)" : ""), p.id() })
                        .toArray(String[][]::new),
                parent));
        addField(new ComboFieldEditor(DescentPreferences.DEVICE, "Compute &device:", deviceEntries(), parent));
        Label note = new Label(parent, SWT.WRAP);
        note.setText("The backend applies to runs started from now on; the thread count at the next start "
                + "(-Ddescent.blas.threads on the command line wins). The compute device is the one an experiment "
                + "whose device is auto runs on (as descent run --device).");
        GridData gd = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
        gd.widthHint = 420;
        note.setLayoutData(gd);
    }

    /**
     * The device choices: auto and the devices found (from the workbench's lookup, which has
     * usually ended by now; until it has, auto and the preference's current value).
     */
    private static String[][] deviceEntries() {
        List<DeviceCatalog.BackendFound> found = Services.get(DeviceCatalog.class).now();
        List<String[]> entries = new ArrayList<>();
        if (found == null) {
            entries.add(new String[] { Backends.AUTO + " - " + DeviceCatalog.AUTO_MEANS, Backends.AUTO });
            String current = DescentPreferences.device();
            if (!current.equals(Backends.AUTO)) {
                entries.add(new String[] { current, current });
            }
        } else {
            for (DeviceCatalog.Choice c : DeviceCatalog.choices(found, DeviceCatalog.AUTO_MEANS)) {
                entries.add(new String[] { c.value() + " - " + c.label(), c.value() });
            }
        }
        return entries.toArray(String[][]::new);
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        DescentPreferences.applyToEngine(false);
        return ok;
    }
}
