package org.melanogans.engine.experiment;

/** A model key of the multi-scale settings ({@link PyramidConfig}); which apply is the {@link ModelType}'s to say. */
public enum PyramidKey {
    LEVELS,
    DEPTH,
    REFINE_CHANNELS,
    UPSAMPLE,
    TRAINING;

    /** How experiment files spell it: {@code refine_channels}. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** This key's value in {@code pyramid}, as the plan writes it. */
    public Object valueIn(PyramidConfig pyramid) {
        return switch (this) {
            case LEVELS -> pyramid.levels();
            case DEPTH -> pyramid.depth();
            case REFINE_CHANNELS -> pyramid.refineChannels();
            case UPSAMPLE -> YamlNames.of(pyramid.upsample());
            case TRAINING -> YamlNames.of(pyramid.training());
        };
    }
}
