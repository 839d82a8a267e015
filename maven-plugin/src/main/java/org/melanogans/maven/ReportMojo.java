package org.melanogans.maven;

import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.melanogans.engine.EngineRequest;

/**
 * Generates the HTML Allure report of a run into {@code reports/<experiment>/allure-report}, offline:
 * the Allure command line is this plugin's own Maven dependency, resolved with it.
 */
@Mojo(name = "report", aggregator = true, requiresProject = false, threadSafe = true)
public class ReportMojo extends AbstractGanMojo {
    /** Skips gan:report. */
    @Parameter(property = "gan.report.skip", defaultValue = "false")
    private boolean reportSkip;

    /** Run id ({@code run-0003}) or {@code latest} (the newest run). */
    @Parameter(property = "gan.run", defaultValue = "latest")
    private String run;

    /**
     * Writes the report as one self-contained {@code index.html} that opens from file:// (Allure's
     * {@code --single-file}): what a CI job uploads as an artifact.
     */
    @Parameter(property = "gan.singleFile", defaultValue = "false")
    private boolean singleFile;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Override
    String goal() {
        return "report";
    }

    @Override
    boolean goalSkipped() {
        return reportSkip;
    }

    @Override
    EngineRequest request(EngineRequest.Project project) throws MojoFailureException {
        Artifact allure = pluginArtifacts.stream()
                .filter(a -> a.getArtifactId().equals("allure-commandline") && "zip".equals(a.getType()))
                .findFirst()
                .orElseThrow(() -> new MojoFailureException("gan-maven-plugin was built without its Allure command"
                        + " line dependency; reinstall the plugin"));
        return new EngineRequest.Report(project, run, allure.getFile().toPath(), singleFile);
    }
}
