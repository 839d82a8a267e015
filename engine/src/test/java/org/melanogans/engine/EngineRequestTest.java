package org.melanogans.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol between the plugin and the engine process: every goal's request survives the trip. */
class EngineRequestTest {
    private static final EngineRequest.Project PROJECT = new EngineRequest.Project(Path.of("/p"), Path.of("/p/reports"),
            Path.of("experiments/a b.yaml"), "train.epochs=2,data.classes=[melanoma, nevus]", Path.of("data"), "gpu");

    @Test
    void everyRequestRoundTripsThroughJsonWithPathsAsWritten() {
        List<EngineRequest> requests = List.of(
                new EngineRequest.Train(PROJECT, true, false, List.of("dcgan", "lapgan"), "2/3", 3),
                new EngineRequest.Sample(PROJECT, "run-0003", "dcgan", 16, 3L),
                new EngineRequest.Evaluate(PROJECT, "latest", Path.of("real"), Path.of("fake"), Path.of("out.json")),
                new EngineRequest.Check(PROJECT, null, Path.of("b.json"), true, true, false),
                new EngineRequest.Report(PROJECT, "latest", Path.of("/m2/allure.zip"), true),
                new EngineRequest.Bench(PROJECT, "ddgan-upsampling", 64, 10, 2, null, 2, 1, 32, null, true,
                        null, Path.of("trace.json")),
                new EngineRequest.Merge(PROJECT, List.of(Path.of("shards"), Path.of("/ci/run 2"))));
        List<Class<?>> covered = new ArrayList<>();
        for (EngineRequest r : requests) {
            String json = r.toJson();
            assertEquals(r, EngineRequest.fromJson(json), json);
            assertTrue(json.contains("\"experiment\":\"experiments/a b.yaml\""), json);
            covered.add(r.getClass());
        }
        assertEquals(List.of(EngineRequest.class.getPermittedSubclasses()), covered, "a test request per goal");
    }

    @Test
    void onlyTheGoalsThatBuildGraphsLeaveMavensJvm() {
        assertTrue(new EngineRequest.Train(PROJECT, false, false, List.of()).needsTensorFlow());
        assertEquals(false, new EngineRequest.Train(PROJECT, false, true, List.of()).needsTensorFlow(), "dry run");
        assertEquals(false, new EngineRequest.Check(PROJECT, null, null, false, false, true).needsTensorFlow());
    }
}
