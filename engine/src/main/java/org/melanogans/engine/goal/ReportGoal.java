package org.melanogans.engine.goal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.plan.RunLock;
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.report.AllureCommandLine;
import org.melanogans.engine.report.Comparison;
import org.melanogans.engine.report.Comparisons;
import org.melanogans.engine.report.RunReport;
import org.melanogans.engine.results.MetricsFile;

/**
 * gan:report: writes a run's comparisons with the paper into its Allure results (beside what
 * gan:check wrote there) and generates the HTML report into the experiment's {@code allure-report/}
 * with the Allure command line, carrying the previous report's history so the trend graphs continue.
 * {@code latest} reports latest/metrics.json, the newest result of every model, into the run that
 * published it.
 */
public final class ReportGoal {
    private ReportGoal() {
    }

    @SuppressWarnings("try")   // the lock is held by the try, not used in it
    public static void run(Workspace workspace, EngineRequest.Report request) {
        Experiment experiment = workspace.experiment();
        ExperimentFolder folder = workspace.folder(experiment);
        boolean latest = request.run() == null || request.run().trim().equalsIgnoreCase(RunDirectories.LATEST);
        RunLayout run = workspace.readRun(experiment, request.run()).layout();
        Path metricsFile = latest ? folder.latestMetrics() : run.metrics();
        if (!Files.isRegularFile(metricsFile)) {
            throw new UserException(metricsFile + ": no metrics to report; run mvn gan:train first");
        }
        List<Comparison> comparisons;
        Path output = folder.allureReport();
        try (RunLock lock = RunLock.acquire(run, "gan:report", "wait for it to end", workspace.log()::warn)) {
            comparisons = RunReport.write(experiment, MetricsFile.read(metricsFile), run, folder);
            AllureCommandLine.unpack(request.allureZip(), workspace.reports().allureTool()).generate(
                    run.allureResults(), output, request.singleFile(), workspace.log());
        }
        workspace.log().info("Allure report of " + (latest ? "the latest results (" + run.id() + ")" : run.id())
                + ": " + comparisons.size() + " comparisons " + Comparisons.count(comparisons) + " in "
                + output.resolve("index.html"));
        workspace.log().info(request.singleFile()
                ? "Open " + output.resolve("index.html").toUri() + " in a browser: one self-contained file, it opens"
                        + " from the disk and can be uploaded or mailed as it is"
                : "View it through a web server (a browser does not load the report's data from file://): python3 -m"
                        + " http.server -d " + output + ", then http://localhost:8000; or write one file that opens"
                        + " from the disk with -Dgan.singleFile");
    }
}
