package org.melanogans.engine.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.melanogans.engine.AtomicFile;
import org.melanogans.engine.EngineLog;

/**
 * One cache file of prepared (decoded, cropped, resized) uint8 pixels, named by the sha256 key of
 * everything that produced them, so a changed input or setting simply misses. The file is written
 * to a temporary name and moved into place; on reading, every field is checked and the pixel hash
 * recomputed, and anything short or inconsistent is reported and treated as a miss.
 */
final class PreparedCache {
    /** Bump when the preparation algorithm or this file layout changes. */
    static final int FORMAT_VERSION = 1;
    private static final int MAGIC = 0x4D474443; // "MGDC"

    private PreparedCache() {
    }

    static Path file(Path cacheRoot, String key) {
        return cacheRoot.resolve("data-" + key + ".bin");
    }

    /** The cached pixels for exactly these ids at this resolution, or empty (logging why) if unusable. */
    static Optional<byte[]> read(Path file, String key, List<String> ids, int resolution, EngineLog log) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT_VERSION || !in.readUTF().equals(key)) {
                return corrupt(file, "wrong header", log);
            }
            int count = in.readInt();
            int res = in.readInt();
            if (count != ids.size() || res != resolution) {
                return corrupt(file, "holds " + count + " images at " + res + " px", log);
            }
            for (String id : ids) {
                if (!in.readUTF().equals(id)) {
                    return corrupt(file, "image ids differ", log);
                }
            }
            byte[] pixels = new byte[count * res * res * 3];
            in.readFully(pixels);
            String sha = in.readUTF();
            if (in.read() != -1) {
                return corrupt(file, "trailing bytes", log);
            }
            if (!sha.equals(sha256(ids, pixels))) {
                return corrupt(file, "pixel checksum mismatch", log);
            }
            return Optional.of(pixels);
        } catch (IOException e) {
            return corrupt(file, e.toString(), log);
        }
    }

    private static Optional<byte[]> corrupt(Path file, String why, EngineLog log) {
        log.warn("data cache " + file + " is unusable (" + why + "); ignoring it and rebuilding");
        return Optional.empty();
    }

    /** Writes atomically: a temporary file in the same folder, then a move over the final name. */
    static void write(Path file, String key, List<String> ids, int resolution, byte[] pixels, String sha)
            throws IOException {
        AtomicFile.write(file, tmp -> {
            try (OutputStream raw = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT_VERSION);
                out.writeUTF(key);
                out.writeInt(ids.size());
                out.writeInt(resolution);
                for (String id : ids) {
                    out.writeUTF(id);
                }
                out.write(pixels);
                out.writeUTF(sha);
            }
        });
    }

    /** The ImageSet hash: sha256 over every id (UTF-8, newline-terminated) then all pixel bytes. */
    static String sha256(List<String> ids, byte[] pixels) {
        MessageDigest md = digest();
        for (String id : ids) {
            md.update((id + "\n").getBytes(StandardCharsets.UTF_8));
        }
        md.update(pixels);
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
