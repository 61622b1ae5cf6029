package org.descent.ui.internal;

import java.nio.file.Path;
import java.util.Objects;

import org.descent.experiment.ExperimentFiles;
import org.eclipse.core.runtime.IPath;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IMemento;
import org.eclipse.ui.IPathEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * A {@code .descent} file (an experiment, or a run whose experiment is shown read-only) as the
 * input of the experiment editor. The workbench has no resources plug-in, so the input is the
 * file's path itself.
 */
public final class ExperimentEditorInput implements IPathEditorInput {

    private final Path file;

    public ExperimentEditorInput(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    @Override
    public IPath getPath() {
        return IPath.fromOSString(file.toString());
    }

    @Override
    public boolean exists() {
        return java.nio.file.Files.isRegularFile(file);
    }

    @Override
    public @Nullable ImageDescriptor getImageDescriptor() {
        return null;
    }

    /** The file's name without {@code .descent}, or the run folder's name for a run file. */
    @Override
    public String getName() {
        String name = file.getFileName().toString();
        if (name.equals(org.descent.experiment.RunFolder.RUN_FILE) && file.getParent() != null) {
            return file.getParent().getFileName().toString();
        }
        String ext = "." + ExperimentFiles.EXTENSION;
        return name.endsWith(ext) ? name.substring(0, name.length() - ext.length()) : name;
    }

    /** Restored after a restart by {@link ExperimentInputFactory}. */
    @Override
    public IPersistableElement getPersistable() {
        return new IPersistableElement() {
            @Override
            public String getFactoryId() {
                return ExperimentInputFactory.ID;
            }

            @Override
            public void saveState(IMemento memento) {
                ExperimentInputFactory.save(memento, ExperimentEditorInput.this);
            }
        };
    }

    @Override
    public String getToolTipText() {
        return file.toString();
    }

    @SuppressWarnings("unchecked")
    @Override
    public <T> @Nullable T getAdapter(Class<T> adapter) {
        return adapter == Path.class ? (T) file : null;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof ExperimentEditorInput i && i.file.equals(file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file);
    }
}
