package org.melanogans.engine.tf;

import org.tensorflow.op.Ops;

/** Op names: TF-Java names may not contain '/', so a path becomes nested sub-scopes. */
public final class Scopes {
    private Scopes() {
    }

    /** {@code under(tf, "dcgan/g")} names ops {@code dcgan/g/<name>}. */
    public static Ops under(Ops tf, String path) {
        Ops scoped = tf;
        for (String part : path.split("/")) {
            scoped = scoped.withSubScope(part);
        }
        return scoped;
    }
}
