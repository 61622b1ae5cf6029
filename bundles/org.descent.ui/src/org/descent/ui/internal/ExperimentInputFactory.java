package org.descent.ui.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import org.eclipse.core.runtime.IAdaptable;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.ui.IElementFactory;
import org.eclipse.ui.IMemento;

/**
 * Saves an experiment editor's file in the workbench's memento and restores it after a restart
 * (the workbench saves and restores its editors: {@code setSaveAndRestore(true)}). A file that is
 * gone by then is not reopened.
 */
public final class ExperimentInputFactory implements IElementFactory {

    /** The factory's id in plugin.xml. */
    static final String ID = "org.descent.ui.experimentInput";
    private static final String PATH = "path";

    static void save(IMemento memento, ExperimentEditorInput input) {
        memento.putString(PATH, input.file().toString());
    }

    @Override
    public @Nullable IAdaptable createElement(IMemento memento) {
        String path = memento.getString(PATH);
        if (path == null) {
            return null;
        }
        try {
            ExperimentEditorInput input = new ExperimentEditorInput(Path.of(path));
            return input.exists() ? input : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
