package org.melanogans.engine.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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
 */
public final class CheckpointStore {
    static final int KEEP = 2;
    private static final String PREFIX = "step-";
    private static final String STATE = "state.json";

    private final Path dir;

    public CheckpointStore(Path dir) {
        this.dir = dir;
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
            Folders.write(target, tmp -> {
                saveVariables.accept(tmp.resolve("variables"));
                Json.write(tmp.resolve(STATE), state);
            });
            prune();
            return new Checkpoint(target, state);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + target, e);
        }
    }

    /** The newest complete checkpoint, if any. */
    public Optional<Checkpoint> latest() {
        List<Path> dirs = complete();
        if (dirs.isEmpty()) {
            return Optional.empty();
        }
        Path newest = dirs.get(dirs.size() - 1);
        Path stateFile = newest.resolve(STATE);
        try {
            return Optional.of(new Checkpoint(newest, Json.read(stateFile, CheckpointState.class, "checkpoint state")));
        } catch (UserException e) {
            throw new UserException(e.getMessage() + "; or delete " + newest + " to fall back to the previous"
                    + " checkpoint", e);
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
