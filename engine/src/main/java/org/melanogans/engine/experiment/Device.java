package org.melanogans.engine.experiment;

/**
 * Where TensorFlow runs an experiment's graphs ({@code device:} in the experiment,
 * {@code -Dgan.device}): the CPU, or an NVIDIA GPU through TensorFlow's CUDA natives. It changes
 * the figures (other kernels), so a GPU plan says so and hashes differently from a CPU one.
 */
public enum Device {
    CPU,
    GPU
}
