package org.melanogans.engine.experiment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.melanogans.engine.UserException;

/**
 * The synthesis models of the paper, each with the model keys that apply to it beyond
 * {@code name, type, z_dim, base_channels}: the experiment file refuses the others, the plan lists
 * exactly these, and bench builds with their defaults. {@code model.GanModels} builds each type
 * (its switch over this enum has no default, so the compiler asks for a new type's builder).
 */
public enum ModelType {
    /** One noise source regressed directly to the full resolution. */
    DCGAN(EnumSet.noneOf(PyramidKey.class)),
    /** Laplacian pyramid: noise plane per level, residual discrimination. */
    LAPGAN(EnumSet.allOf(PyramidKey.class)),
    /** Deeply discriminated GAN, non-parametric upsampling, image discrimination. */
    DDGAN_UPSAMPLING(EnumSet.of(PyramidKey.LEVELS, PyramidKey.DEPTH, PyramidKey.REFINE_CHANNELS,
            PyramidKey.UPSAMPLE)),
    /** Deeply discriminated GAN, learned stride-2 transposed convolution as the upsampling. */
    DDGAN_DECONVOLUTION(EnumSet.of(PyramidKey.LEVELS, PyramidKey.DEPTH, PyramidKey.REFINE_CHANNELS));

    private final Set<PyramidKey> keys;

    ModelType(Set<PyramidKey> keys) {
        this.keys = keys;
    }

    /** The pyramid keys that apply to this type, in schema order. */
    public Set<PyramidKey> keys() {
        return keys.isEmpty() ? EnumSet.noneOf(PyramidKey.class) : EnumSet.copyOf(keys);
    }

    /** True for the models built on a pyramid of scales. */
    public boolean multiScale() {
        return keys.contains(PyramidKey.LEVELS);
    }

    /** How experiment files spell it: {@code ddgan-upsampling}. */
    public String yamlName() {
        return YamlNames.of(this);
    }

    /**
     * The type an experiment file or command line names.
     *
     * @param where the key or property it was given under, for the message
     * @throws UserException naming the allowed types
     */
    public static ModelType fromYamlName(String where, String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.yamlName().equals(wanted)).findFirst()
                .orElseThrow(() -> new UserException(where + ": unknown model '" + name + "'; allowed: "
                        + Arrays.stream(values()).map(ModelType::yamlName).toList()));
    }
}
