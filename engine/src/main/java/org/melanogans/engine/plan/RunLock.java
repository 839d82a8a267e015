package org.melanogans.engine.plan;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.melanogans.engine.UserException;
import org.melanogans.engine.layout.RunLayout;

/**
 * The one build training a run: an operating-system lock on {@code <run>/.lock}, held from the
 * moment a run is opened until its goal ends (released by the system if the process dies). A
 * second build neither resumes nor replaces a run another build holds.
 */
public final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The run's lock, or null when another build holds it. */
    static RunLock tryAcquire(RunLayout run) throws IOException {
        FileChannel channel = FileChannel.open(run.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new RunLock(channel, lock);
            }
        } catch (OverlappingFileLockException heldInThisJvm) {
            // another goal of this process holds it
        }
        channel.close();
        return null;
    }

    /** The run's lock; refused, naming the run, when another build holds it. */
    static RunLock acquire(RunLayout run) throws IOException {
        RunLock lock = tryAcquire(run);
        if (lock == null) {
            throw new UserException(run.dir() + " is being trained by another build; wait for it to end, or start a"
                    + " new run with -Dgan.fresh");
        }
        return lock;
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel, and the channel with the process
        }
    }
}
