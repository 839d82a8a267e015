package org.melanogans.engine.experiment;

import java.util.Locale;

/** The three ISIC 2017 Part 3 diagnoses; YAML spells them in lower case. */
public enum LesionClass {
    NEVUS, SEBORRHEIC_KERATOSIS, MELANOMA;

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
