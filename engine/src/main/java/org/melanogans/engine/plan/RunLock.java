package org.melanogans.engine.plan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.melanogans.engine.Host;
import org.melanogans.engine.UserException;
import org.melanogans.engine.layout.RunLayout;

/**
 * The one process writing a run: an operating-system lock on {@code <run>/.lock}, held from the
 * moment a goal opens the run for writing until it ends. While held, the file names the holder
 * (goal, pid, host, since), so a second process is refused with who holds the run; a holder that
 * ends normally empties it. The system releases the lock of a process that dies, so a crashed
 * holder never blocks the run: the next process takes the lock over and says whose it was.
 */
public final class RunLock implements AutoCloseable {
    /**
     * The byte locked, past any holder text: Windows locks are mandatory, so a lock over the text
     * would keep a refused process from reading who holds the run.
     */
    private static final long LOCKED_BYTE = 1L << 32;

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The run's lock for {@code goal}, or null when another process (or another goal of this one)
     * holds it.
     *
     * @param warnings told when the lock is taken over from a holder that ended without releasing it
     */
    static RunLock tryAcquire(RunLayout run, String goal, Consumer<String> warnings) throws IOException {
        FileChannel channel = FileChannel.open(run.lock(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock(LOCKED_BYTE, 1, false);
            if (lock != null) {
                String previous = read(channel);
                if (!previous.isEmpty()) {
                    warnings.accept(run.id() + ": took over the lock of " + previous + ", which ended without"
                            + " releasing it (killed or crashed); its finished work is kept");
                }
                byte[] holder = (goal + " (pid " + ProcessHandle.current().pid() + " on " + Host.name() + ", since "
                        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ")").getBytes(StandardCharsets.UTF_8);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(holder), 0);
                channel.force(false);
                return new RunLock(channel, lock);
            }
        } catch (OverlappingFileLockException heldInThisJvm) {
            // another goal of this process holds it
        }
        channel.close();
        return null;
    }

    /**
     * The run's lock for {@code goal}; refused in one line naming the holder when another process
     * holds it.
     *
     * @param wayOut what the user can do instead, appended to the refusal
     */
    public static RunLock acquire(RunLayout run, String goal, String wayOut, Consumer<String> warnings) {
        try {
            RunLock lock = tryAcquire(run, goal, warnings);
            if (lock == null) {
                throw refusal(run, wayOut);
            }
            return lock;
        } catch (IOException e) {
            throw new UserException(run.lock() + ": cannot lock the run (" + e.getMessage() + "); check the folder"
                    + " is writable and on a file system with locks", e);
        }
    }

    /** The one-line refusal naming whoever holds the run. */
    static UserException refusal(RunLayout run, String wayOut) {
        return new UserException(run.dir() + " is being written by " + holder(run) + "; " + wayOut);
    }

    /** Who holds the run, as its lock file names it. */
    private static String holder(RunLayout run) {
        try (FileChannel channel = FileChannel.open(run.lock(), StandardOpenOption.READ)) {
            String holder = read(channel);
            return holder.isEmpty() ? "another process (starting up)" : holder;
        } catch (IOException e) {
            return "another process";
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);   // an empty lock file: its last holder ended normally
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel, and the channel with the process
        }
    }
}
