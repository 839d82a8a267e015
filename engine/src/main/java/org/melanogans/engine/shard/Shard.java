package org.melanogans.engine.shard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.experiment.ModelConfig;

/**
 * One of {@code count} parts of a run, numbered from 1. A run is a list of units in a fixed order:
 * each Table 1 model on each training seed (models in the experiment's order, seeds in the
 * {@code seeds:} order), then each use-case seed. Shard i of n takes the units at positions
 * i-1, i-1+n, i-1+2n, ... of that list: the rule depends on the plan only, so every machine
 * computes the same shards, and neighbouring units (a model's seeds) spread over the shards.
 *
 * @param index 1..count
 * @param count how many shards the run is split into
 */
public record Shard(int index, int count) {
    private static final Pattern SPEC = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count);
        }
    }

    /** A part of a run: a Table 1 model on one seed, or one seed of the use-case stage. */
    public record Unit(String model, long seed) {
        /** The use-case stage's unit of {@code seed}. */
        public static Unit usecase(long seed) {
            return new Unit(null, seed);
        }

        public boolean isUsecase() {
            return model == null;
        }

        /** "dcgan seed 42", "usecase seed 1". */
        @Override
        public String toString() {
            return (model == null ? "usecase" : model) + " seed " + seed;
        }
    }

    /** Every unit of an experiment, in the order shards are dealt from. */
    public static List<Unit> units(Experiment e) {
        List<String> usecaseGans = e.usecase() == null ? List.of() : e.usecase().gans();
        List<Unit> units = new ArrayList<>();
        for (ModelConfig m : e.models()) {
            if (!usecaseGans.contains(m.name())) {
                e.seeds().forEach(seed -> units.add(new Unit(m.name(), seed)));
            }
        }
        if (e.usecase() != null) {
            e.usecase().seeds().forEach(seed -> units.add(Unit.usecase(seed)));
        }
        return units;
    }

    /** The units of this shard. */
    public List<Unit> of(Experiment e) {
        List<Unit> all = units(e);
        List<Unit> mine = new ArrayList<>();
        for (int k = index - 1; k < all.size(); k += count) {
            mine.add(all.get(k));
        }
        return mine;
    }

    /** "2/4". */
    @Override
    public String toString() {
        return index + "/" + count;
    }

    /**
     * The shard a build runs: {@code -Dgan.shard=i/n}; without it, GitLab's parallel job
     * ({@code CI_NODE_INDEX} of {@code CI_NODE_TOTAL}, both 1-based) or a Kubernetes Indexed Job
     * ({@code JOB_COMPLETION_INDEX}, 0-based, with the number of shards from {@code -Dgan.shards});
     * null for the whole run.
     *
     * @param spec  {@code -Dgan.shard}, or null
     * @param total {@code -Dgan.shards}, or null
     * @param env   the environment variables
     * @throws UserException naming the property or variable at fault
     */
    public static Shard select(String spec, Integer total, Map<String, String> env) {
        if (spec != null && !spec.isBlank()) {
            Matcher m = SPEC.matcher(spec);
            if (!m.matches()) {
                throw new UserException("gan.shard: \"" + spec + "\" is not i/n; give e.g. -Dgan.shard=2/4 (shard 2"
                        + " of 4, numbered from 1)");
            }
            return checked(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), "gan.shard=" + spec.trim());
        }
        String gitlabIndex = env.get("CI_NODE_INDEX");
        String gitlabTotal = env.get("CI_NODE_TOTAL");
        if (gitlabIndex != null && gitlabTotal != null) {
            return checked(number(gitlabIndex, "CI_NODE_INDEX"), number(gitlabTotal, "CI_NODE_TOTAL"),
                    "CI_NODE_INDEX=" + gitlabIndex + " of CI_NODE_TOTAL=" + gitlabTotal);
        }
        String k8s = env.get("JOB_COMPLETION_INDEX");
        if (k8s != null) {
            if (total == null) {
                throw new UserException("JOB_COMPLETION_INDEX=" + k8s + " (a Kubernetes Indexed Job) needs the number"
                        + " of shards: add -Dgan.shards=N, N being the Job's completions");
            }
            return checked(number(k8s, "JOB_COMPLETION_INDEX") + 1, total, "JOB_COMPLETION_INDEX=" + k8s + " of"
                    + " gan.shards=" + total);
        }
        if (total != null) {
            throw new UserException("gan.shards=" + total + " needs a shard index: give -Dgan.shard=i/" + total
                    + " instead, or run in a Kubernetes Indexed Job (JOB_COMPLETION_INDEX)");
        }
        return null;
    }

    private static Shard checked(int index, int count, String what) {
        if (count < 1 || index < 1 || index > count) {
            throw new UserException(what + ": shard " + index + " of " + count + " does not exist; shards are"
                    + " numbered 1 to n (Kubernetes' JOB_COMPLETION_INDEX from 0)");
        }
        return new Shard(index, count);
    }

    private static int number(String value, String variable) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UserException(variable + "=" + value + ": not a number");
        }
    }
}
