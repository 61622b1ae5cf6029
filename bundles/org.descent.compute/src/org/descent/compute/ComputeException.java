package org.descent.compute;

/**
 * A device failed while running an operation or moving data: out of device memory, a lost
 * device, a kernel that did not build. The message names the device and the operation. A run
 * that meets it ends with the message (its checkpoints kept); it is never a programming error
 * of the caller, which is reported with {@link IllegalArgumentException} instead.
 *
 * @since 0.1.0
 */
public class ComputeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ComputeException(String message) {
        super(message);
    }

    public ComputeException(String message, Throwable cause) {
        super(message, cause);
    }
}
