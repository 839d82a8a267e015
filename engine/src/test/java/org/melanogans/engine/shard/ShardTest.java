package org.melanogans.engine.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ExperimentLoader;

/** The shard rule: the units of a plan dealt round-robin, and the shard chosen from the property or the CI engine's variables. */
class ShardTest {
    static Experiment experiment(Path dir) throws Exception {
        Files.writeString(dir.resolve("e.yaml"), """
                name: e
                seeds: [1, 2, 3]
                data: {format: generated, resolution: 16}
                train: {epochs: 1}
                models:
                  - {name: a, type: dcgan}
                  - {name: b, type: dcgan}
                """);
        return ExperimentLoader.load(Path.of("e.yaml"), dir, Map.of(), Map.of());
    }

    @Test
    void unitsAreDealtRoundRobinInThePlansOrder(@TempDir Path dir) throws Exception {
        Experiment e = experiment(dir);
        assertEquals("[a seed 1, a seed 2, a seed 3, b seed 1, b seed 2, b seed 3]", Shard.units(e).toString());
        assertEquals("[a seed 1, a seed 3, b seed 2]", new Shard(1, 2).of(e).toString());
        assertEquals("[a seed 2, b seed 1, b seed 3]", new Shard(2, 2).of(e).toString());
        assertEquals("[a seed 3]", new Shard(3, 4).of(e).toString());
        assertEquals("[a seed 1, b seed 2]", new Shard(1, 4).of(e).toString());
        assertEquals(List.of(), new Shard(7, 7).of(e), "more shards than units: the last ones are empty");
        assertEquals(Shard.units(e), new Shard(1, 1).of(e));
    }

    @Test
    void theShardComesFromThePropertyOrTheEnginesVariables() {
        assertEquals(new Shard(2, 4), Shard.select(" 2/4 ", null, Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "3")));
        assertEquals(new Shard(1, 3), Shard.select(null, null, Map.of("CI_NODE_INDEX", "1", "CI_NODE_TOTAL", "3")));
        assertEquals(new Shard(1, 5), Shard.select(null, 5, Map.of("JOB_COMPLETION_INDEX", "0")), "Kubernetes counts from 0");
        assertEquals(new Shard(5, 5), Shard.select(null, 5, Map.of("JOB_COMPLETION_INDEX", "4")));
        assertNull(Shard.select(null, null, Map.of()));
        assertNull(Shard.select("", null, Map.of("CI_NODE_INDEX", "2")), "GitLab's index without a total is no shard");
    }

    @Test
    void aBadShardIsOneLineNamingWhatIsWrong() {
        assertEquals("gan.shard: \"2-4\" is not i/n; give e.g. -Dgan.shard=2/4 (shard 2 of 4, numbered from 1)",
                assertThrows(UserException.class, () -> Shard.select("2-4", null, Map.of())).getMessage());
        assertEquals("gan.shard=0/4: shard 0 of 4 does not exist; shards are numbered 1 to n (Kubernetes'"
                + " JOB_COMPLETION_INDEX from 0)", assertThrows(UserException.class,
                () -> Shard.select("0/4", null, Map.of())).getMessage());
        assertEquals("JOB_COMPLETION_INDEX=3 (a Kubernetes Indexed Job) needs the number of shards: add"
                + " -Dgan.shards=N, N being the Job's completions", assertThrows(UserException.class,
                () -> Shard.select(null, null, Map.of("JOB_COMPLETION_INDEX", "3"))).getMessage());
        assertThrows(UserException.class, () -> Shard.select(null, 3, Map.of("JOB_COMPLETION_INDEX", "3")));
        assertThrows(UserException.class, () -> Shard.select(null, 3, Map.of()));
    }
}
