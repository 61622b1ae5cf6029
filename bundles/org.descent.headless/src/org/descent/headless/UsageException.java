package org.descent.headless;

/**
 * Thrown by a command for arguments it cannot accept; the message says what is wrong and where.
 *
 * @since 0.1.0
 */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
