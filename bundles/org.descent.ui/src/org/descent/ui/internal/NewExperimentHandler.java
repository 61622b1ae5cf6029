package org.descent.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.descent.experiment.Components;
import org.descent.experiment.ExperimentFiles;
import org.descent.experiment.model.Experiment;
import org.descent.experiment.model.ExperimentFactory;
import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * File &gt; New Experiment: a new {@code .descent} file in the experiments folder, with the
 * sample's components and the preferred precision, opened in the editor.
 */
public final class NewExperimentHandler extends AbstractHandler {

    @Override
    public @Nullable Object execute(ExecutionEvent event) throws ExecutionException {
        create(HandlerUtil.getActiveShellChecked(event),
                HandlerUtil.getActiveWorkbenchWindowChecked(event).getActivePage());
        return null;
    }

    /** A new experiment: Gaussian MLE on the bimodal sample with Adam, in the preferred precision. */
    public static Experiment newExperiment(String name) {
        Experiment e = ExperimentFactory.eINSTANCE.createExperiment();
        e.setName(name);
        e.setDataset(Components.of("bimodal"));
        e.setModel(Components.of("gaussian:mu=1,sigma=1"));
        e.setLoss(Components.of("gaussian-nll"));
        e.setOptimizer(Components.of("adam:lr=0.05"));
        e.setSteps(500);
        e.setPrecision(DescentPreferences.precision());
        return e;
    }

    static void create(Shell shell, IWorkbenchPage page) {
        Path folder = DescentPreferences.experimentsFolder();
        InputDialog d = new InputDialog(shell, "New Experiment", "Name of the experiment (saved in " + folder + "):",
                "experiment", s -> {
                    if (s.isBlank() || !s.matches("[A-Za-z0-9._ -]+")) {
                        return "Use letters, digits, '.', '_', '-' and spaces";
                    }
                    return Files.exists(folder.resolve(s.strip() + "." + ExperimentFiles.EXTENSION))
                            ? s.strip() + "." + ExperimentFiles.EXTENSION + " exists already" : null;
                });
        if (d.open() != Window.OK) {
            return;
        }
        String name = d.getValue().strip();
        Path file = folder.resolve(name + "." + ExperimentFiles.EXTENSION);
        try {
            ExperimentFiles.save(newExperiment(name), file);
            page.openEditor(new ExperimentEditorInput(file), ExperimentEditor.ID);
        } catch (IOException | PartInitException e) {
            ILog.of(NewExperimentHandler.class).log(Status.error("Cannot create " + file, e));
            MessageDialog.openError(shell, "Cannot create " + name, file + " cannot be created: " + e.getMessage()
                    + "\nChoose another experiments folder in Window > Preferences > Descent.");
        }
    }
}
