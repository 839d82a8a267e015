package org.melanogans.engine.report;

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
import org.melanogans.engine.results.DatasetInfo;
import org.melanogans.engine.results.Environment;
import org.melanogans.engine.metrics.HistogramMetrics;
import org.melanogans.engine.results.MetricsFile;
import org.melanogans.engine.results.ModelMetrics;
import org.melanogans.engine.results.SeedFigures;
import org.melanogans.engine.report.Comparison.Verdict;

/** The paper's values come from the experiment file and are judged against metrics.json by their bands. */
class ComparisonsTest {
    @TempDir
    Path dir;

    private static final String YAML = """
            name: t1
            data: {format: generated, resolution: 32}
            train: {epochs: 1}
            models:
              - {name: dcgan, type: dcgan}
              - {name: lapgan, type: lapgan, levels: 2}
              - {name: ddgan, type: ddgan-upsampling, levels: 2}
            report:
              bands:
                js_divergence: {absolute: 0.001}
              paper:
                models:
                  dcgan: {emd: 0.0082, js_divergence: 0.0046}
                  lapgan: {emd: 0.0410}
                  ddgan: {emd: 0.0251}
            """;

    private Experiment load(String yaml) throws Exception {
        Files.writeString(dir.resolve("t1.yaml"), yaml);
        return ExperimentLoader.load(dir.resolve("t1.yaml"), dir, Map.of(), Map.of());
    }

    private static ModelMetrics completed(double emd, double js) {
        HistogramMetrics h = new HistogramMetrics(emd, js, Math.sqrt(js / Math.log(2)), js / Math.log(2), null);
        return ModelMetrics.ofSeeds(List.of(SeedFigures.of(42, h, null, 0.12, null, ModelMetrics.Networks.of(1, 1), ModelMetrics.Training.of(50, 1, 10, 1, 2, 3), 100)));
    }

    @Test
    void eachPaperValueIsJudgedByItsBand() throws Exception {
        MetricsFile metrics = MetricsFile.start("t1", "run-0001", new DatasetInfo("generated", 10, 32, "x"),
                        new Environment("17", "Linux", "cpu", List.of("avx2"), 2, 2, "cpu", "linux-x86_64", null, "1.1.0", true, false, 42L, "abc"))
                .withModel("dcgan", completed(0.0164, 0.0058))          // EMD exactly 2x: inside
                .withModel("lapgan", ModelMetrics.failed("diverged"));
        List<Comparison> c = Comparisons.of(load(YAML), metrics);
        assertEquals(4, c.size());
        assertEquals(Verdict.REPRODUCED, c.get(0).verdict(), c.get(0).reason());
        assertEquals(2.0, c.get(0).ratio(), 1e-12);
        assertEquals("ours 0.0164, paper 0.0082: inside the band x2 (0.0041 to 0.0164)", c.get(0).reason());
        // JS with the file's absolute band of 0.001: 0.0058 is 0.0012 above 0.0046
        assertEquals(Verdict.OUTSIDE_BAND, c.get(1).verdict(), c.get(1).reason());
        assertEquals(Verdict.STAGE_FAILED, c.get(2).verdict());
        assertEquals("diverged", c.get(2).reason());
        assertNull(c.get(2).ours());
        assertEquals(Verdict.NOT_RUN, c.get(3).verdict());
        assertEquals(Map.of(Verdict.REPRODUCED, 1L, Verdict.OUTSIDE_BAND, 1L, Verdict.STAGE_FAILED, 1L,
                Verdict.NOT_RUN, 1L), Comparisons.count(c));
    }

    @Test
    void aMisspeltNameOrBandIsAnErrorAtItsLine() {
        assertEquals("t1.yaml:13:7: report.paper.models.dcgen: unknown key; allowed keys: dcgan, lapgan, ddgan",
                message(YAML.replace("      dcgan: {emd: 0.0082", "      dcgen: {emd: 0.0082")));
        assertEquals("t1.yaml:13:15: report.paper.models.dcgan.fid: unknown key; allowed keys: emd, js_divergence,"
                + " js_distance", message(YAML.replace("{emd: 0.0082, js_divergence", "{fid: 0.0082, js_divergence")));
        assertEquals("t1.yaml:10:20: report.bands.js_divergence: must be {ratio: factor > 1} or {absolute: amount"
                + " >= 0}, exactly one of them", message(YAML.replace("{absolute: 0.001}", "{}")));
        assertEquals("t1.yaml:10:28: report.bands.js_divergence.ratio: must be a number > 1, got \"0.5\"",
                message(YAML.replace("{absolute: 0.001}", "{ratio: 0.5}")));
    }

    private String message(String yaml) {
        return assertThrows(UserException.class, () -> load(yaml)).getMessage().replace(dir + "/", "");
    }
}
