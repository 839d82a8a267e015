package org.melanogans.engine.launch;

import java.nio.file.Path;
import java.util.List;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.GanEngine;
import org.melanogans.engine.experiment.Device;
import org.melanogans.engine.tf.GpuDriver;
import org.melanogans.engine.tf.Natives;
import org.melanogans.engine.goal.Workspace;

/**
 * Where a request runs: the goals that build TensorFlow graphs in the engine process (see
 * {@link ForkedEngine}) with the natives of the host and the experiment's device, the others
 * (check, report, a dry run) in the caller's JVM.
 */
public final class Launcher {
    private Launcher() {
    }

    /**
     * @param jvmArgs options of the engine process (e.g. {@code -Xmx12g}); unused in the caller's JVM
     * @param natives resolves the natives jar for the host and device; null: the engine process
     *                keeps the natives already on this JVM's classpath (the engine's own tests)
     */
    public static void run(EngineRequest request, List<String> jvmArgs, EngineLog log, NativesSource natives) {
        if (!request.needsTensorFlow()) {
            new GanEngine(log).execute(request);
            return;
        }
        Path jar = null;
        if (natives != null) {
            // the engine process reports what loading the experiment finds (which file, which data)
            Device device = new Workspace(request.project(), EngineLog.QUIET).experiment().device();
            String classifier = Natives.host().classifier(device);
            if (device == Device.GPU) {
                log.info("GPU: " + GpuDriver.system().require());   // before anything is resolved or downloaded
            }
            jar = natives.jar(classifier);
            log.debug("TensorFlow natives: " + jar);
        }
        ForkedEngine.run(request, jvmArgs, log, jar);
    }
}
