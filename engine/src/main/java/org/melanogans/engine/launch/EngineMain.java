package org.melanogans.engine.launch;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.melanogans.engine.EngineLog;
import org.melanogans.engine.EngineRequest;
import org.melanogans.engine.GanEngine;
import org.melanogans.engine.UserException;

/**
 * The child side of {@link ForkedEngine}: reads one {@link EngineRequest} as JSON from standard
 * input and runs it, printing log lines and a user error in the protocol ForkedEngine reads.
 */
public final class EngineMain {
    private EngineMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        // anything else writing to stdout (native code aside) must not break the protocol
        System.setOut(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        EngineLog log = new EngineLog() {
            @Override
            public void info(String message) {
                out.println("I|" + oneLine(message));
            }

            @Override
            public void warn(String message) {
                out.println("W|" + oneLine(message));
            }

            @Override
            public void debug(String message) {
                out.println("D|" + oneLine(message));
            }
        };
        try {
            EngineRequest request = EngineRequest.fromJson(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
            new GanEngine(log).execute(request);
            out.flush();
            System.exit(0);
        } catch (UserException e) {
            if (e.getCause() != null) {
                out.println("D|caused by " + oneLine(e.getCause().toString()));   // for mvn -X, never the user's line
            }
            out.println("E|" + oneLine(e.getMessage()));
            out.flush();
            System.exit(ForkedEngine.USER_ERROR);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ').replace('\r', ' ');
    }
}
