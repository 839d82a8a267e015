package org.melanogans.engine;

/**
 * A mistake the user can fix (bad experiment file, bad image, missing data, changed plan).
 * The message is one line naming the file, key, line or image at fault and what to do;
 * front ends print it as is, never with a stack trace.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}
