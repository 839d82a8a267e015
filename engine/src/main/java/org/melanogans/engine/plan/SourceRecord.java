package org.melanogans.engine.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.melanogans.engine.AtomicFile;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;
import org.melanogans.engine.experiment.Experiment;
import org.melanogans.engine.layout.ExperimentFolder;
import org.melanogans.engine.layout.RunLayout;

/**
 * Which experiment file a run was made from: its path and content hash in {@code source.json},
 * its content verbatim in {@code experiment.yaml}. An experiment's name owns its folder of runs,
 * so a second file with the same {@code name} is refused while the first one still exists.
 *
 * @param file   the experiment file, absolute (the embedded quickstart's resource path for it)
 * @param sha256 the file's content hash
 */
public record SourceRecord(String file, String sha256) {
    /** Records the run's source file and content. */
    static void write(RunLayout run, Experiment e, String text) throws IOException {
        Json.write(run.source(), new SourceRecord(e.source().toAbsolutePath().toString(), PlanYaml.sha256(text)));
        AtomicFile.write(run.experimentCopy(), tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /**
     * @throws UserException naming both files when a run of this experiment's name was made from
     *                       another experiment file that still exists
     */
    public static void requireSameSource(ExperimentFolder folder, Experiment e) {
        String current = e.source().toAbsolutePath().toString();
        List<Integer> runs = folder.runNumbers();
        for (int i = runs.size() - 1; i >= 0; i--) {
            int number = runs.get(i);
            Path record = folder.run(number).source();
            if (!Files.isRegularFile(record)) {
                continue;   // a run made before sources were recorded
            }
            String other = Json.read(record, SourceRecord.class, "run source record").file();
            if (!other.equals(current) && Files.isRegularFile(Path.of(other))) {
                throw new UserException(current + ": its name " + e.name() + " is already the name of " + other
                        + ", whose runs are in " + folder.dir() + "; give one of the two files another name (its"
                        + " name: key)");
            }
        }
    }
}
