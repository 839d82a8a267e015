package org.melanogans.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The ready-to-use CI files in docs/ci parse, fan out and in as documented, and call only goals and
 * properties this plugin has (read from the plugin descriptor the build just generated).
 */
class DocsCiTest {
    private static final Path CI = Path.of("..", "docs", "ci");
    private static final Pattern GOAL = Pattern.compile("\\bgan:([a-z]+)");
    private static final Pattern PROPERTY = Pattern.compile("-D(gan\\.[A-Za-z.]+)");

    /** Goals and parameter properties of the plugin, from target/classes/META-INF/maven/plugin.xml. */
    private static Set<String> descriptor(Pattern pattern) throws IOException {
        String xml = Files.readString(Path.of("target", "classes", "META-INF", "maven", "plugin.xml"));
        Set<String> out = new TreeSet<>();
        Matcher m = pattern.matcher(xml);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(String file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(CI.resolve(file)))) {
            docs.add((Map<String, Object>) doc);
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... path) {
        Object n = node;
        for (String key : path) {
            n = ((Map<String, Object>) n).get(key);
        }
        return (T) n;
    }

    @Test
    void everyGoalAndPropertyTheFilesCallExists() throws IOException {
        Set<String> goals = descriptor(Pattern.compile("<goal>([a-z]+)</goal>"));
        Set<String> properties = descriptor(Pattern.compile("\\$\\{(gan\\.[A-Za-z.]+)}"));
        assertTrue(goals.containsAll(Set.of("train", "merge", "check", "report")), goals.toString());
        for (String file : List.of("github-actions.yml", "gitlab-ci.yml", "kubernetes-job.yaml")) {
            String text = Files.readString(CI.resolve(file));
            Set<String> called = new TreeSet<>();
            Matcher g = GOAL.matcher(text);
            while (g.find()) {
                called.add(g.group(1));
                assertTrue(goals.contains(g.group(1)), file + " calls gan:" + g.group(1) + ", which does not exist");
            }
            Matcher p = PROPERTY.matcher(text);
            while (p.find()) {
                assertTrue(properties.contains(p.group(1)), file + " sets -D" + p.group(1) + ", which no goal reads");
            }
            assertTrue(called.containsAll(Set.of("train", "merge", "check", "report")), file + " calls " + called);
            assertTrue(text.contains("-Dgan.singleFile"), file + ": the report it keeps must open where it lands");
        }
    }

    @Test
    void githubActionsFansOutOverAMatrixAndInOnce() throws IOException {
        Map<String, Object> workflow = documents("github-actions.yml").get(0);
        Map<String, Object> strategy = at(workflow, "jobs", "shard", "strategy");
        assertEquals(false, strategy.get("fail-fast"));
        List<Integer> shards = at(strategy, "matrix", "shard");
        Object declared = at(workflow, "env", "SHARDS");
        assertEquals(shards.size(), declared);
        assertEquals(List.of(1, 2, 3, 4), shards);
        assertEquals("shard", at(workflow, "jobs", "merge", "needs"));
        assertEquals("always()", at(workflow, "jobs", "merge", "if"));
        String steps = at(workflow, "jobs", "shard", "steps").toString();
        assertTrue(steps.contains("-Dgan.shard=${{ matrix.shard }}/${{ env.SHARDS }}"), steps);
        assertTrue(steps.contains("upload-artifact"), steps);
        String merge = at(workflow, "jobs", "merge", "steps").toString();
        assertTrue(merge.contains("download-artifact") && merge.contains("-Dgan.from=shards"), merge);
    }

    @Test
    void gitlabRunsTheTrainJobInParallelAndMergesItsArtifacts() throws IOException {
        Map<String, Object> ci = documents("gitlab-ci.yml").get(0);
        assertEquals(4, (int) at(ci, "train", "parallel"));
        String train = at(ci, "train", "script").toString();
        assertFalse(train.contains("-Dgan.shard="), "CI_NODE_INDEX and CI_NODE_TOTAL select the shard");
        assertTrue(train.contains("$CI_NODE_INDEX"), "each shard writes its own folder, or the artifacts collide");
        assertEquals("always", at(ci, "merge", "when"));
        assertTrue(at(ci, "merge", "script").toString().contains("-Dgan.from=shard-out"));
    }

    @Test
    void kubernetesRunsAnIndexedJobWhoseCompletionsAreTheShardCount() throws IOException {
        List<Map<String, Object>> docs = documents("kubernetes-job.yaml");
        Map<String, Object> shards = docs.get(0);
        assertEquals("Indexed", at(shards, "spec", "completionMode"));
        int completions = at(shards, "spec", "completions");
        List<Map<String, Object>> containers = at(shards, "spec", "template", "spec", "containers");
        String args = containers.get(0).get("args").toString();
        assertTrue(args.contains("-Dgan.shards=" + completions), args);
        assertTrue(args.contains("$(JOB_COMPLETION_INDEX)"), "each pod writes its own folder: " + args);
        List<Map<String, Object>> merge = at(docs.get(1), "spec", "template", "spec", "containers");
        assertTrue(merge.get(0).get("args").toString().contains("gan:merge"));
    }
}
