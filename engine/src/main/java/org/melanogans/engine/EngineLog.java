package org.melanogans.engine;

/** Where the engine reports progress; the Maven plugin maps it onto its own log. */
public interface EngineLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** Writes INFO and WARN to standard output; DEBUG is dropped. */
    EngineLog STDOUT = new EngineLog() {
        @Override
        public void info(String message) {
            System.out.println(message);
        }

        @Override
        public void warn(String message) {
            System.out.println("WARNING: " + message);
        }

        @Override
        public void debug(String message) {
        }
    };

    /** Drops everything: for a second look at what another process reports itself. */
    EngineLog QUIET = new EngineLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void debug(String message) {
        }
    };
}
