package org.melanogans.engine.plan;

import java.nio.file.Path;

import org.melanogans.engine.experiment.Experiment;

/**
 * A run of an experiment: its directory {@code reports/<name>/<runId>/} already holds
 * {@code plan.yaml} and {@code plan.sha256}.
 *
 * @param experiment the resolved experiment
 * @param runId      {@code run-0001}, {@code run-0002}, ...
 * @param runDir     absolute run directory
 * @param planHash   {@link PlanYaml#hash} of the experiment
 * @param resumed    true when an unfinished run with the same plan is continued
 */
public record RunPlan(Experiment experiment, String runId, Path runDir, String planHash, boolean resumed) {
}
