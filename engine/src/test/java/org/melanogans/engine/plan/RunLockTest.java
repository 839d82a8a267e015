package org.melanogans.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melanogans.engine.UserException;
import org.melanogans.engine.layout.RunLayout;

/** One writer per run, with two real processes: the second is refused naming the first; a killed holder's lock is taken over. */
class RunLockTest {
    /** Holds the lock of the run folder given as its argument until it is killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            RunLock.acquire(new RunLayout(Path.of(args[0])), "gan:train", "wait", w -> { });
            System.out.println("held");
            System.out.flush();
            Thread.sleep(600_000);
        }
    }

    @Test
    @SuppressWarnings("try")   // the locks are held by the tries, not used in them
    void aSecondProcessIsRefusedNamingTheHolderAndAKilledHoldersLockIsTakenOver(@TempDir Path dir) throws Exception {
        RunLayout run = new RunLayout(dir);
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Holder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("held", out.readLine());
            UserException refused = assertThrows(UserException.class,
                    () -> RunLock.acquire(run, "gan:sample", "wait for it to end", w -> { }));
            String message = refused.getMessage();
            assertTrue(message.startsWith(dir + " is being written by gan:train (pid " + holder.pid() + " on "),
                    message);
            assertTrue(message.matches(".*, since \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\); wait for it to end"),
                    message);
        } finally {
            holder.destroyForcibly();   // SIGKILL: no chance to release anything
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        List<String> warnings = new ArrayList<>();
        try (RunLock taken = RunLock.acquire(run, "gan:train", "wait", warnings::add)) {
            assertNotNull(taken);
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("took over the lock of gan:train (pid " + holder.pid() + " on "),
                    warnings.get(0));
            assertTrue(Files.readString(run.lock()).startsWith("gan:train (pid " + ProcessHandle.current().pid()));
        }
        assertEquals("", Files.readString(run.lock()), "a holder that ends normally leaves an empty lock file");
        List<String> none = new ArrayList<>();
        try (RunLock again = RunLock.acquire(run, "gan:report", "wait", none::add)) {
            assertEquals(List.of(), none, "nothing to take over after a normal end");
        }
    }
}
