package org.melanogans.engine;

import java.io.IOException;
import java.net.InetAddress;

/** The machine this process runs on, as runs, locks and shards name it. */
public final class Host {
    private Host() {
    }

    /** {@code HOSTNAME}, else the resolver's name for this machine, else "an unnamed host". */
    public static String name() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "an unnamed host";
        }
    }
}
