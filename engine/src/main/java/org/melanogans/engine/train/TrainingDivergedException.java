package org.melanogans.engine.train;

import org.melanogans.engine.UserException;

/** A loss became NaN or infinite; training stopped and the last good checkpoint was kept. */
public final class TrainingDivergedException extends UserException {
    private static final long serialVersionUID = 1L;

    public TrainingDivergedException(String message) {
        super(message);
    }
}
