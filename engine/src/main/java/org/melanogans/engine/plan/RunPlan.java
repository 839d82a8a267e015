package org.melanogans.engine.plan;

import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.layout.RunLayout;

/**
 * A run of an experiment whose folder already holds {@code plan.yaml} and {@code plan.sha256}.
 *
 * @param experiment the resolved experiment
 * @param run        the run's folder
 * @param planHash   {@link PlanYaml#hash} of the experiment
 * @param resumed    true when an unfinished run with the same plan is continued
 * @param lock       held while the run is trained; close the plan to release it
 */
public record RunPlan(Experiment experiment, RunLayout run, String planHash, boolean resumed, RunLock lock)
        implements AutoCloseable {
    @Override
    public void close() {
        lock.close();
    }
}
