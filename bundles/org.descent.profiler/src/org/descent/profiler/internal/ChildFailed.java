package org.descent.profiler.internal;

/**
 * Thrown when a child process (a child JVM, a CPython run) gives no usable result; the message
 * names the child, what was wrong, its exit code and the first lines it printed.
 */
public final class ChildFailed extends Exception {
    private static final long serialVersionUID = 1L;

    ChildFailed(String message) {
        super(message);
    }
}
