package org.melanogans.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.SharedData;
import org.melanogans.engine.experiment.ModelConfig;
import org.melanogans.engine.experiment.ModelType;
import org.melanogans.engine.experiment.TrainConfig;

/**
 * Our DCGAN is the paper's DCGAN as the PyTorch peer implements it: loaded with the peer's initial
 * weights, real batch and noise ({@code torch_dcgan_step.py --dump-check}), two training steps give
 * the peer's losses. Skipped when the peer's Python environment or ../shared/bench is absent.
 */
class PeerEquivalenceTest {
    @Test
    void twoStepsMatchThePyTorchPeerOnIdenticalWeights(@TempDir Path dir) throws Exception {
        Path python = Path.of(System.getenv().getOrDefault("PEER_PYTHON", "/root/venv-torch/bin/python"));
        Path script = SharedData.shared().map(p -> p.resolve("bench/torch_dcgan_step.py"))
                .orElse(null);
        Assumptions.assumeTrue(Files.isExecutable(python) && script != null && Files.isRegularFile(script),
                "the PyTorch peer is not set up (bash ../shared/bench/setup_peer.sh)");
        Process p = new ProcessBuilder(python.toString(), script.toString(), "--res", "64", "--dump-check",
                dir.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        Assumptions.assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "peer failed: " + output);

        TrainConfig train = new TrainConfig(1, 8, 2e-4, 0.5, 0.999, 10, 2, 2, false);
        JsonNode torch = new ObjectMapper().readTree(dir.resolve("torch_losses.json").toFile());
        try (TrainingGraph g = new TrainingGraph(new ModelConfig("dcgan", ModelType.DCGAN, 64, 64), train, 64, 1)) {
            List<float[]> params = new ArrayList<>();
            for (int i = 0; Files.exists(dir.resolve("param_" + i + ".bin")); i++) {
                params.add(floats(dir.resolve("param_" + i + ".bin")));
            }
            g.assignParameters(params);
            float[] real = floats(dir.resolve("real.bin"));
            for (int k = 0; k < 2; k++) {
                TrainingGraph.StepLosses ours = g.step(real, floats(dir.resolve("z_" + k + ".bin")), k + 1);
                double d = torch.get("d_loss").get(k).asDouble();
                double gl = torch.get("g_loss").get(k).asDouble();
                System.out.printf("step %d: ours D %.5f G %.5f, PyTorch D %.5f G %.5f%n", k + 1,
                        ours.discriminator(), ours.generator(), d, gl);
                // float32 kernels sum in different orders; step 2 inherits step 1's differences
                assertEquals(d, ours.discriminator(), Math.abs(d) * 0.005 * (k + 1), "D loss, step " + (k + 1));
                assertEquals(gl, ours.generator(), Math.abs(gl) * 0.005 * (10 * k + 1), "G loss, step " + (k + 1));
            }
        }
    }

    private static float[] floats(Path file) throws Exception {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.remaining() / 4];
        b.asFloatBuffer().get(f);
        return f;
    }
}
