package org.descent.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A contribution's own code threw while Descent used it: the exception names the contribution
 * (kind, id and bundle), what Descent was doing with it, and the plugin's own message; the
 * plugin's exception is the cause, so the log shows the whole chain.
 *
 * @since 0.1.0
 */
public final class PluginFault extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String contribution;
    private final String action;

    /**
     * @param contribution the contribution whose code threw
     * @param action what Descent asked of it ("step", "configure", "evaluate", ...)
     * @param cause what it threw
     */
    public PluginFault(Contribution contribution, String action, Throwable cause) {
        super(contribution.label() + " failed in " + action + ": " + describe(cause), cause);
        this.contribution = contribution.label();
        this.action = action;
    }

    /** How messages name the contribution: {@code optimizer 'lion' (org.example.lion)}. */
    public String contribution() {
        return contribution;
    }

    /** What Descent asked of the contribution when it threw. */
    public String action() {
        return action;
    }

    /**
     * The plugin's own words: the first exception of the chain past reflection's and the
     * extension registry's wrappers, as its simple class name and message, followed by its
     * innermost cause when that is another exception.
     */
    public static String describe(Throwable t) {
        Throwable own = t;
        for (int i = 0; i < 32; i++) {
            Throwable unwrapped = unwrap(own);
            if (unwrapped == null || unwrapped == own) {
                break;
            }
            own = unwrapped;
        }
        Throwable root = own;
        for (int i = 0; i < 32 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root == own ? words(own) : words(own) + " (caused by " + words(root) + ")";
    }

    private static String words(Throwable t) {
        String message = t.getMessage();
        String type = t.getClass().getSimpleName().isEmpty() ? t.getClass().getName() : t.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message.strip();
    }

    /** The exception a wrapper carries, or null when {@code t} is no wrapper. */
    private static @Nullable Throwable unwrap(Throwable t) {
        if (t instanceof CoreException c) {
            return c.getStatus().getException();
        }
        if (t instanceof InvocationTargetException i) {
            return i.getTargetException();
        }
        if (t instanceof UndeclaredThrowableException u) {
            return u.getUndeclaredThrowable();
        }
        if (t instanceof ExceptionInInitializerError e) {
            return e.getCause();
        }
        if (t instanceof PluginFault f) {
            return f.getCause();
        }
        return null;
    }
}
