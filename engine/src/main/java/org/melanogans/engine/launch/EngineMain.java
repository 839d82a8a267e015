package org.melanogans.engine.launch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.GanEngine;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;

/**
 * The child side of {@link ForkedEngine}: one JSON argument holding the goal and its arguments.
 *
 * <pre>{"goal": "train" | "sample" | "bench", "base_dir": DIR, "reports": DIR,
 *  "experiment": FILE or null, "overrides": {key: value},
 *  train: "fresh": bool, "models": [names]
 *  sample: "run": id, "model": name or null, "count": n, "seed": n or null
 *  bench: "model", "resolution", "batch", "z_dim", "base_channels", "steps", "warmup",
 *         "threads", "inter_op_threads", "bfloat16"}</pre>
 */
public final class EngineMain {
    private EngineMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // anything else writing to stdout (native code aside) must not break the protocol
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        EngineLog log = new EngineLog() {
            @Override
            public void info(String message) {
                out.println("I|" + oneLine(message));
            }

            @Override
            public void warn(String message) {
                out.println("W|" + oneLine(message));
            }

            @Override
            public void debug(String message) {
                out.println("D|" + oneLine(message));
            }
        };
        try {
            String result = run(new ObjectMapper().readTree(args[0]), log);
            if (result != null) {
                out.println("R|" + result);
            }
            out.flush();
            System.exit(0);
        } catch (UserException e) {
            out.println("E|" + oneLine(e.getMessage()));
            out.flush();
            System.exit(ForkedEngine.USER_ERROR);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static String run(JsonNode r, EngineLog log) {
        GanEngine engine = new GanEngine(Path.of(r.path("base_dir").asText()), Path.of(r.path("reports").asText()), log);
        String goal = r.path("goal").asText();
        if (goal.equals("bench")) {
            return engine.bench(engine.modelType(r.path("model").asText()), r.path("resolution").asInt(),
                    r.path("batch").asInt(), r.path("z_dim").asInt(), r.path("base_channels").asInt(),
                    r.path("steps").asInt(), r.path("warmup").asInt(), r.path("threads").asInt(),
                    r.path("inter_op_threads").asInt(), r.path("bfloat16").asBoolean()).toJson();
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        r.path("overrides").properties().forEach(e -> overrides.put(e.getKey(), e.getValue().asText()));
        Experiment experiment = engine.loadExperiment(
                r.hasNonNull("experiment") ? Path.of(r.get("experiment").asText()) : null, overrides, System.getenv());
        switch (goal) {
            case "train" -> {
                List<String> models = new ArrayList<>();
                r.path("models").forEach(m -> models.add(m.asText()));
                return engine.train(experiment, r.path("fresh").asBoolean(), models).toString();
            }
            case "sample" -> {
                engine.sample(experiment, r.path("run").asText("latest"),
                        r.hasNonNull("model") ? r.get("model").asText() : null, r.path("count").asInt(0),
                        r.hasNonNull("seed") ? r.get("seed").asLong() : null);
                return null;
            }
            default -> throw new IllegalArgumentException("unknown goal " + goal);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
    }
}
