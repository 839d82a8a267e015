package org.melanogans.engine.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.Stage;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;
import org.melanogans.engine.report.Comparison.Verdict;

/**
 * Writes a run's comparisons as Allure 2 results through Allure's lifecycle API: one test result
 * per comparison, labelled epic = experiment, feature = stage, story = model or set, with our
 * value (mean ± 95% interval over the seeds, each seed's value beside it), the paper's, the ratio
 * and the band as parameters, and the real time of what it measures as its duration. Reproduced is
 * passed; outside the band is "unknown" (a documented deviation, such as a scaled-down plan, is not
 * a broken build: its own colour and category, never the red of a regression); a failed stage
 * broken; a stage that did not run skipped.
 *
 * <p>A comparison's history id depends only on (experiment, stage, subject, metric), so Allure's
 * history and trend graphs follow the same comparison across runs.
 */
public final class AllureResults {
    /** The feature of gan:check's rows. */
    static final String CHECK = "regression check";

    private AllureResults() {
    }

    /**
     * @param attachments per subject (model or set), files attached to each of its comparisons
     *                    (sample grids, plots); missing files are skipped, never invented
     * @param labels      per subject, further labels ({name, value}: the shards and hosts of a merged run)
     */
    public static void write(Path resultsDir, String experiment, List<Comparison> comparisons,
                             java.util.Map<String, List<Path>> attachments, java.util.Map<String, List<String[]>> labels) {
        try {
            Files.createDirectories(resultsDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(resultsDir));
        for (Comparison c : comparisons) {
            String fullName = experiment + "/" + c.stage() + "/" + c.subject() + "/" + c.metric();
            String uuid = UUID.randomUUID().toString();
            TestResult result = new TestResult()
                    .setUuid(uuid)
                    .setHistoryId(UUID.nameUUIDFromBytes(fullName.getBytes(StandardCharsets.UTF_8)).toString())
                    .setTestCaseId(fullName)
                    .setFullName(fullName)
                    .setName(c.subject() + ": " + c.metric() + " against the paper")
                    .setLabels(labels(experiment, c, labels.getOrDefault(
                            Comparison.TABLE_1.equals(c.stage()) ? c.subject() : "usecase", List.of())))
                    .setParameters(parameters(c));
            lifecycle.scheduleTestCase(result);
            lifecycle.startTestCase(uuid);
            for (Path file : attachments.getOrDefault(c.subject(), List.of())) {
                if (Files.isRegularFile(file)) {
                    try {
                        lifecycle.addAttachment(file.getFileName().toString(), type(file), extension(file),
                                Files.readAllBytes(file));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            lifecycle.updateTestCase(uuid, r -> r.setStatus(status(c.verdict()))
                    .setStatusDetails(new StatusDetails().setMessage(c.reason()))
                    .setStage(Stage.FINISHED));
            lifecycle.stopTestCase(uuid);
            if (c.spread().seconds() != null) {
                // the duration Allure shows is that of the training, sampling and scoring it judges
                lifecycle.updateTestCase(uuid, r -> r.setStart(r.getStop() - Math.round(c.spread().seconds() * 1000)));
            }
            lifecycle.writeTestCase(uuid);
        }
    }

    /**
     * Deletes the results of {@code features} (and the attachments they name) that an earlier call
     * wrote, so writing them again replaces them and every other result (gan:check's rows, for
     * gan:report; the comparisons, for gan:check) stays.
     */
    public static void remove(Path resultsDir, String experiment, List<String> features) {
        if (!Files.isDirectory(resultsDir)) {
            return;
        }
        try (var files = Files.list(resultsDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList()) {
                JsonNode result;
                try {
                    result = Json.LENIENT.readTree(file.toFile());
                } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
                    Files.delete(file);   // a result cut short by a killed build: no use to Allure either
                    continue;
                }
                String fullName = result.path("fullName").asText("");
                if (features.stream().anyMatch(f -> fullName.startsWith(experiment + "/" + f + "/"))) {
                    for (JsonNode attachment : result.path("attachments")) {
                        Files.deleteIfExists(resultsDir.resolve(attachment.path("source").asText("none")));
                    }
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UserException(resultsDir + ": cannot replace the earlier results (" + e.getMessage()
                    + "); check the folder is writable", e);
        }
    }

    /**
     * gan:check's rows as results beside the comparisons (feature {@code regression check}, story =
     * the metric's key): a regressed or missing metric is failed with a message the "Regression
     * against the baseline" category matches, the others passed.
     */
    public static void writeCheck(Path resultsDir, String experiment, org.melanogans.engine.check.CheckResult check) {
        remove(resultsDir, experiment, List.of(CHECK));
        AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(resultsDir));
        for (org.melanogans.engine.check.CheckRow row : check.rows()) {
            String fullName = experiment + "/" + CHECK + "/" + row.key();
            String uuid = UUID.randomUUID().toString();
            boolean bad = row.status() == org.melanogans.engine.check.CheckStatus.REGRESSED
                    || row.status() == org.melanogans.engine.check.CheckStatus.MISSING;
            List<Parameter> p = new ArrayList<>();
            p.add(new Parameter().setName("baseline").setValue(Comparisons.digits(row.baseline().value())));
            p.add(new Parameter().setName("current").setValue(row.current() == null ? "-"
                    : Comparisons.digits(row.current())));
            p.add(new Parameter().setName("allowed").setValue(row.allowed()));
            p.add(new Parameter().setName("rule").setValue(row.rule()));
            TestResult result = new TestResult().setUuid(uuid)
                    .setHistoryId(UUID.nameUUIDFromBytes(fullName.getBytes(StandardCharsets.UTF_8)).toString())
                    .setTestCaseId(fullName).setFullName(fullName).setName(row.key() + " against the baseline")
                    .setLabels(List.of(label("epic", experiment), label("feature", CHECK),
                            label("story", row.key()), label("suite", experiment), label("subSuite", CHECK)))
                    .setParameters(p);
            lifecycle.scheduleTestCase(result);
            lifecycle.startTestCase(uuid);
            lifecycle.updateTestCase(uuid, r -> r.setStatus(bad ? Status.FAILED : Status.PASSED)
                    .setStatusDetails(new StatusDetails().setMessage((bad ? "regressed: " : "") + row.describe()))
                    .setStage(Stage.FINISHED));
            lifecycle.stopTestCase(uuid);
            lifecycle.updateTestCase(uuid, r -> r.setStart(r.getStop()));   // a comparison of numbers takes no time
            lifecycle.writeTestCase(uuid);
        }
    }

    private static List<Label> labels(String experiment, Comparison c, List<String[]> more) {
        List<Label> labels = new ArrayList<>(List.of(label("epic", experiment), label("feature", c.stage()),
                label("story", c.subject()), label("suite", experiment), label("subSuite", c.stage())));
        more.forEach(l -> labels.add(label(l[0], l[1])));
        return labels;
    }

    private static List<Parameter> parameters(Comparison c) {
        List<Parameter> p = new ArrayList<>();
        p.add(new Parameter().setName("ours").setValue(c.ours() == null ? "-" : Comparisons.ours(c.ours(), c.spread())));
        if (c.spread().perSeed().size() > 1) {
            c.spread().perSeed().forEach((seed, value) -> p.add(new Parameter().setName("seed " + seed)
                    .setValue(Comparisons.digits(value))));
        }
        p.add(new Parameter().setName("paper").setValue(Comparisons.digits(c.paper())));
        p.add(new Parameter().setName("ratio").setValue(c.ratio() == null ? "-" : Comparisons.digits(c.ratio())));
        p.add(new Parameter().setName("floor (real halves)").setValue(c.floor() == null ? "-"
                : Comparisons.digits(c.floor())));
        p.add(new Parameter().setName("ceiling (untrained)").setValue(c.ceiling() == null ? "-"
                : Comparisons.digits(c.ceiling())));
        p.add(new Parameter().setName("band").setValue(c.band().text() + " (" + Comparisons.digits(c.band().low(c.paper()))
                + " to " + Comparisons.digits(c.band().high(c.paper())) + ")"));
        return p;
    }

    /** Allure's status of a verdict; null is Allure's "unknown" (its Java model has no constant for it). */
    static Status status(Verdict v) {
        return switch (v) {
            case REPRODUCED -> Status.PASSED;
            case OUTSIDE_BAND -> null;   // no status: Allure's "unknown"
            case STAGE_FAILED -> Status.BROKEN;
            case NOT_RUN -> Status.SKIPPED;
        };
    }

    private static Label label(String name, String value) {
        return new Label().setName(name).setValue(value);
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }

    private static String type(Path file) {
        return switch (extension(file)) {
            case ".png" -> "image/png";
            case ".jpg", ".jpeg" -> "image/jpeg";
            case ".json" -> "application/json";
            case ".yaml" -> "text/yaml";
            default -> "text/plain";
        };
    }
}
