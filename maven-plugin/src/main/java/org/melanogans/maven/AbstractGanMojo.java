package org.melanogans.maven;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.UserException;
import org.melanogans.engine.launch.Launcher;

/**
 * What every {@code gan:*} goal shares: the skip flags, the experiment and its overrides, handing
 * the goal's request to the engine, and the mapping of engine errors onto Maven's (a user mistake
 * or a regression is a BUILD FAILURE with one line, a bug an execution error).
 */
abstract class AbstractGanMojo extends AbstractMojo {
    /** Skips every gan goal. */
    @Parameter(property = "gan.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The experiment file. Default: {@code experiments/quickstart.yaml} if it exists, else the
     * quickstart experiment embedded in the plugin.
     */
    @Parameter(property = "gan.experiment")
    private File experiment;

    /** Overrides of experiment keys: {@code a.b=value,c.d=value} (e.g. {@code train.epochs=2}). */
    @Parameter(property = "gan.set")
    private String set;

    /** Data folder; shorthand for {@code -Dgan.set=data.path=DIR} (ISIC 2017: the folder holding the images folder and the CSV). */
    @Parameter(property = "gan.data")
    private File data;

    /** Where runs are written: {@code <reports>/<experiment>/<run-id>/}. Outside target/ so mvn clean keeps them. */
    @Parameter(property = "gan.reports", defaultValue = "${session.executionRootDirectory}/reports")
    private File reports;

    /**
     * JVM options of the engine process that trains, samples and benchmarks (space-separated,
     * e.g. {@code -Xmx12g}).
     */
    @Parameter(property = "gan.jvmArgs")
    private String jvmArgs;

    /**
     * Where TensorFlow runs: {@code cpu} or {@code gpu} (an NVIDIA GPU with CUDA 12; Linux x86-64
     * only). Overrides the experiment's {@code device:}; default cpu.
     */
    @Parameter(property = "gan.device")
    private String device;

    @Inject
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
    private List<RemoteRepository> pluginRepositories;

    /** The directory relative paths in experiments and on the command line resolve against. */
    @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
    private File baseDirectory;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || goalSkipped()) {
            getLog().info("Skipping gan:" + goal() + " (" + (skip ? "gan.skip" : "gan." + goal() + ".skip") + " is set)");
            return;
        }
        EngineRequest.Project project = new EngineRequest.Project(baseDirectory.toPath(), reports.toPath(),
                experiment == null ? null : experiment.toPath(), set, data == null ? null : data.toPath(),
                device == null || device.isBlank() ? null : device.trim());
        List<String> options = jvmArgs == null || jvmArgs.isBlank() ? List.of()
                : Arrays.asList(jvmArgs.trim().split("\\s+"));
        try {
            Launcher.run(request(project), options, engineLog(),
                    new NativesResolver(repositorySystem, repositorySession, pluginRepositories));
        } catch (UserException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (RuntimeException e) {
            throw new MojoExecutionException("gan:" + goal() + " failed unexpectedly: " + e, e);
        }
    }

    /** The goal's name, for messages. */
    abstract String goal();

    /** The goal's own skip flag ({@code gan.<goal>.skip}). */
    abstract boolean goalSkipped();

    /** The goal's request, from its parameters. */
    abstract EngineRequest request(EngineRequest.Project project) throws MojoFailureException;

    private EngineLog engineLog() {
        return new EngineLog() {
            @Override
            public void info(String message) {
                getLog().info(message);
            }

            @Override
            public void warn(String message) {
                getLog().warn(message);
            }

            @Override
            public void debug(String message) {
                getLog().debug(message);
            }
        };
    }
}
