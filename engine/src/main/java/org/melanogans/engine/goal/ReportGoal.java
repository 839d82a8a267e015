package org.melanogans.engine.goal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.layout.RunLayout;
import org.melanogans.engine.plan.RunDirectories;
import org.melanogans.engine.report.AllureCommandLine;
import org.melanogans.engine.report.Comparison;
import org.melanogans.engine.report.Comparisons;
import org.melanogans.engine.report.RunReport;
import org.melanogans.engine.results.MetricsFile;

/**
 * gan:report: rewrites a run's Allure results from its metrics.json and generates the HTML report
 * into the experiment's {@code allure-report/} with the Allure command line, carrying the previous
 * report's history so the trend graphs continue.
 */
public final class ReportGoal {
    private ReportGoal() {
    }

    public static void run(Workspace workspace, EngineRequest.Report request) {
        Experiment experiment = workspace.experiment();
        RunLayout run = RunDirectories.find(workspace.folder(experiment), request.run());
        if (!Files.isRegularFile(run.metrics())) {
            throw new UserException(run.metrics() + ": no metrics to report; run mvn gan:train first");
        }
        List<Comparison> comparisons = RunReport.write(experiment, MetricsFile.read(run.metrics()), run,
                workspace.folder(experiment).history());
        Path output = workspace.folder(experiment).allureReport();
        AllureCommandLine.unpack(request.allureZip(), workspace.reports().allureTool()).generate(
                run.allureResults(), output, workspace.log());
        workspace.log().info("Allure report of " + run.id() + ": " + comparisons.size() + " comparisons "
                + Comparisons.count(comparisons) + " in " + output.resolve("index.html"));
        workspace.log().info("Open " + output.resolve("index.html"));
    }
}
