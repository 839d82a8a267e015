package org.melanogans.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ExperimentLoader;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.PyramidKey;
import org.melanogans.engine.plan.PlanYaml;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/**
 * What a {@link ModelType} constant promises by its keys, held for every type, so a new type is
 * covered the moment it exists: the experiment file takes exactly its keys, the plan lists exactly
 * them, and {@link GanModels} builds it at the configured pyramid.
 */
class ModelTypeContractTest {
    @TempDir
    Path dir;

    private static final Map<PyramidKey, String> VALUES = Map.of(PyramidKey.LEVELS, "2", PyramidKey.DEPTH, "2",
            PyramidKey.REFINE_CHANNELS, "4", PyramidKey.UPSAMPLE, "nearest", PyramidKey.TRAINING, "per-level");

    private Experiment load(ModelType type, List<PyramidKey> keys) throws IOException {
        StringBuilder model = new StringBuilder("  - name: m\n    type: " + type.yamlName() + "\n    base_channels: 4\n");
        keys.forEach(k -> model.append("    ").append(k.yamlName()).append(": ").append(VALUES.get(k)).append('\n'));
        Files.writeString(dir.resolve("t.yaml"), "data: {format: generated, resolution: 32}\ntrain: {epochs: 1}\n"
                + "models:\n" + model);
        return ExperimentLoader.load(Path.of("t.yaml"), dir, Map.of(), Map.of());
    }

    @ParameterizedTest
    @EnumSource(ModelType.class)
    void theFileThePlanAndTheBuilderFollowTheTypesKeys(ModelType type) throws IOException {
        Experiment e = load(type, List.copyOf(type.keys()));
        String plan = PlanYaml.write(e);
        for (PyramidKey key : PyramidKey.values()) {
            boolean listed = plan.contains("\n  " + key.yamlName() + ": ");
            assertEquals(type.keys().contains(key), listed, key + " in the plan of " + type + ":\n" + plan);
            if (!type.keys().contains(key)) {
                String refused = assertThrows(UserException.class, () -> load(type, List.of(key))).getMessage();
                assertTrue(refused.contains("models.0." + key.yamlName() + ": does not apply to type "
                        + type.yamlName()), refused);
            }
        }
        try (Graph graph = new Graph()) {
            GanModel model = GanModels.create(Ops.create(graph), e.models().get(0), 32, 1);
            assertEquals(type.multiScale() ? List.of(16, 32) : List.of(32), model.scales());
        }
    }
}
