package org.melanogans.engine.experiment;

import java.util.Locale;

/** How enum constants are spelt in experiment files: lower case, '-' for '_' (ddgan-upsampling). */
public final class YamlNames {
    private YamlNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
