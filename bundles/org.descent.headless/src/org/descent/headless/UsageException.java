package org.descent.headless;

/** Thrown by a command for arguments it cannot accept; the message says what is wrong and where. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
