package org.melanogans.engine.launch;

import java.util.List;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.GanEngine;

/**
 * Where a request runs: the goals that build TensorFlow graphs in the engine process (see
 * {@link ForkedEngine}), the others (check, evaluate, report, a dry run) in the caller's JVM.
 */
public final class Launcher {
    private Launcher() {
    }

    /**
     * @param jvmArgs options of the engine process (e.g. {@code -Xmx12g}); unused in the caller's JVM
     */
    public static void run(EngineRequest request, List<String> jvmArgs, EngineLog log) {
        if (request.needsTensorFlow()) {
            ForkedEngine.run(request, jvmArgs, log);
        } else {
            new GanEngine(log).execute(request);
        }
    }
}
