package org.melanogans.engine.experiment;

/** The synthesis models of the paper. */
public enum ModelType {
    DCGAN
}
