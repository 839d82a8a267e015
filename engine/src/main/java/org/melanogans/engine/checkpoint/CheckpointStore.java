package org.melanogans.engine.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.melanogans.engine.Folders;
import org.melanogans.engine.Json;
import org.melanogans.engine.UserException;

/**
 * Checkpoints of one model in {@code <dir>/step-NNNNNNNN/}: the TensorFlow variables
 * ({@code variables.*}) and {@code state.json}. A checkpoint is written into a temporary
 * directory and renamed into place only when complete, so a crash leaves either the old or the
 * new checkpoint, never half of one. Only the newest {@value #KEEP} are kept.
 *
 * <p>Runs move between machines (a shard's folder, a CI cache) and disks fill up, so a checkpoint
 * on disk may be damaged after it was written: {@code state.json} records the SHA-256 of every
 * variables file, and {@link #latest()} resumes from the newest checkpoint whose files match,
 * reporting every damaged one it passes over.
 */
public final class CheckpointStore {
    static final int KEEP = 2;
    private static final String PREFIX = "step-";
    private static final String STATE = "state.json";
    private static final String VARIABLES = "variables";

    private final Path dir;
    private final Consumer<String> warnings;

    /**
     * @param warnings told, in one line each, of every damaged checkpoint passed over
     */
    public CheckpointStore(Path dir, Consumer<String> warnings) {
        this.dir = dir;
        this.warnings = warnings;
    }

    public Path directory() {
        return dir;
    }

    /** A checkpoint on disk: its directory and state. */
    public record Checkpoint(Path directory, CheckpointState state) {
        /** The prefix to hand to {@code Session.restore}. */
        public Path variablesPrefix() {
            return directory.resolve("variables");
        }
    }

    /**
     * Writes a checkpoint: {@code saveVariables} receives the variables prefix inside a temporary
     * directory; then the sidecar is written and the directory renamed into place.
     */
    public Checkpoint save(CheckpointState state, Consumer<Path> saveVariables) {
        Path target = dir.resolve(String.format("%s%08d", PREFIX, state.step()));
        try {
            CheckpointState[] written = new CheckpointState[1];
            Folders.write(target, tmp -> {
                saveVariables.accept(tmp.resolve(VARIABLES));
                written[0] = state.withChecksums(checksums(tmp));
                Json.write(tmp.resolve(STATE), written[0]);
            });
            prune();
            return new Checkpoint(target, written[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
    }

    /**
     * The newest complete checkpoint whose files match their checksums, if any. Each damaged newer
     * one is reported to the warnings; when every checkpoint is damaged the run cannot resume.
     *
     * @throws UserException naming the newest damaged checkpoint and the way out, when no
     *                       checkpoint is intact
     */
    public Optional<Checkpoint> latest() {
        List<Path> dirs = complete();
        List<String> damaged = new ArrayList<>();
        for (int i = dirs.size() - 1; i >= 0; i--) {
            Path candidate = dirs.get(i);
            String damage;
            try {
                CheckpointState state = Json.read(candidate.resolve(STATE), CheckpointState.class, "checkpoint state");
                damage = damage(candidate, state);
                if (damage == null) {
                    return Optional.of(new Checkpoint(candidate, state));
                }
            } catch (UserException unreadable) {
                damage = "its state.json cannot be read";
            }
            damaged.add(candidate + " is damaged (" + damage + ")");
            if (i > 0) {
                warnings.accept(damaged.get(damaged.size() - 1) + "; resuming from the checkpoint before it, "
                        + dirs.get(i - 1).getFileName());
            }
        }
        if (damaged.isEmpty()) {
            return Optional.empty();
        }
        throw new UserException(damaged.get(0) + (damaged.size() > 1 ? " and so is every older checkpoint" : "")
                + ", and no intact checkpoint is left to resume from; start the run again with -Dgan.fresh");
    }

    /** What is wrong with a checkpoint's variables files, or null when they match their checksums. */
    private static String damage(Path checkpoint, CheckpointState state) {
        if (state.sha256() == null) {
            return null;   // written before checksums were kept
        }
        try {
            Map<String, String> now = checksums(checkpoint);
            for (Map.Entry<String, String> file : state.sha256().entrySet()) {
                String actual = now.get(file.getKey());
                if (actual == null) {
                    return file.getKey() + " is missing";
                }
                if (!actual.equals(file.getValue())) {
                    return file.getKey() + " does not match its checksum";
                }
            }
            return state.sha256().isEmpty() ? "it has no variables files" : null;
        } catch (NoSuchFileException gone) {
            return gone.getFile() + " is missing";
        } catch (IOException e) {
            return "its files cannot be read: " + e.getMessage();
        }
    }

    /** SHA-256 of each variables file in a checkpoint folder, by file name. */
    private static Map<String, String> checksums(Path folder) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith(VARIABLES)).toList()) {
                out.put(f.getFileName().toString(), sha256(f));
            }
        }
        return out;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 20];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private List<Path> complete() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(PREFIX))
                    .filter(p -> Files.isRegularFile(p.resolve(STATE)))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() throws IOException {
        List<Path> dirs = complete();
        for (int i = 0; i < dirs.size() - KEEP; i++) {
            Folders.delete(dirs.get(i));
        }
    }
}
