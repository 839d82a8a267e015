package org.melanogans.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Every JSON and JSON-lines file the engine reads or writes goes through here, with one set of
 * conventions: snake_case keys in declaration order, every key always written (null when unknown)
 * so scripts see a stable shape, whole files written atomically, and a bad file reported as one
 * line naming the file, its line and what is wrong.
 */
public final class Json {
    /** Tolerates unknown keys: files written by newer versions must stay readable. */
    public static final ObjectMapper LENIENT = base().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
            false);
    /**
     * Rejects unknown keys and missing required ones ({@code @JsonProperty(required = true)}): for
     * files edited by hand, where a misspelt key must not pass.
     */
    public static final ObjectMapper STRICT = base().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private Json() {
    }

    private static ObjectMapper base() {
        // paths as written ("experiments/x.yaml"), not as absolute URIs: they resolve against the project
        SimpleModule paths = new SimpleModule()
                .addSerializer(Path.class, new ToStringSerializer(Path.class))
                .addDeserializer(Path.class, new FromStringDeserializer<>(Path.class) {
                    @Override
                    protected Path _deserialize(String value, DeserializationContext context) {
                        return Path.of(value);
                    }
                });
        return new ObjectMapper()
                .registerModule(paths)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Writes {@code value} pretty-printed through a temporary file and a move, so readers never see half a file. */
    public static void write(Path file, Object value) {
        try {
            String text = STRICT.writeValueAsString(value) + "\n";
            AtomicFile.write(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserException(file + ": cannot write (" + e.getMessage()
                    + "); check the folder exists and is writable", e);
        }
    }

    /** {@code value} as one line of JSON. */
    public static String line(Object value) {
        try {
            return STRICT.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Appends {@code value} as one line to a JSON-lines file, creating it and its folder if needed.
     * The whole line goes in one write in append mode, so concurrent appends never split a line; a
     * last line cut short by a killed build (never whole, so never read) is cut off first.
     */
    public static void append(Path jsonl, Object value) {
        try {
            Files.createDirectories(jsonl.toAbsolutePath().getParent());
            if (Files.isRegularFile(jsonl) && Files.size(jsonl) > 0 && !endsWithNewline(jsonl)) {
                dropTornLine(jsonl);
            }
            byte[] line = (line(value) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(jsonl, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UserException(jsonl + ": cannot append (" + e.getMessage() + "); check the folder is writable",
                    e);
        }
    }

    /** Cuts the file after its last newline. */
    private static void dropTornLine(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            long end = channel.size();
            while (end > 0) {
                one.clear();
                channel.read(one, end - 1);
                if (one.get(0) == '\n') {
                    break;
                }
                end--;
            }
            channel.truncate(end);
        }
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last, channel.size() - 1);
            return last.get(0) == '\n';
        }
    }

    /** Replaces a JSON-lines file with {@code values}, one line each, atomically. */
    public static void writeLines(Path jsonl, List<?> values) {
        StringBuilder text = new StringBuilder();
        values.forEach(v -> text.append(line(v)).append('\n'));
        try {
            AtomicFile.write(jsonl, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserException(jsonl + ": cannot write (" + e.getMessage() + "); check the folder is writable",
                    e);
        }
    }

    /**
     * Reads {@code file} as {@code type}, tolerating unknown keys.
     *
     * @param what what the file should be, for the message ("metrics.json file")
     * @throws UserException naming the file, the line and what is wrong
     */
    public static <T> T read(Path file, Class<T> type, String what) {
        return read(LENIENT, file, type, what);
    }

    /** As {@link #read}, rejecting unknown, missing and null keys. */
    public static <T> T readStrict(Path file, Class<T> type, String what) {
        return read(STRICT, file, type, what);
    }

    private static <T> T read(ObjectMapper mapper, Path file, Class<T> type, String what) {
        try {
            T value = mapper.readValue(file.toFile(), type);
            if (value == null) {
                throw new UserException(file + ": empty; expected " + what);
            }
            return value;
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new UserException(file + ": file not found; expected " + what, e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new UserException(file + where + ": not a valid " + what + keyPath(e) + " ("
                    + plain(e.getOriginalMessage()) + "); fix or regenerate the file", e);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read (" + e.getMessage() + "); check it exists and is readable",
                    e);
        }
    }

    /**
     * Every non-blank line of a JSON-lines file as {@code type}, oldest first; an absent file has none.
     *
     * @throws UserException naming the file and line when a line is not a {@code what}
     */
    public static <T> List<T> readLines(Path jsonl, Class<T> type, String what) {
        List<String> lines;
        boolean lastEnded;
        try {
            lines = Files.isRegularFile(jsonl) ? Files.readAllLines(jsonl, StandardCharsets.UTF_8) : List.of();
            lastEnded = lines.isEmpty() || Files.size(jsonl) == 0 || endsWithNewline(jsonl);
        } catch (IOException e) {
            throw new UserException(jsonl + ": cannot read (" + e.getMessage() + "); check it is readable", e);
        }
        List<T> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                entries.add(LENIENT.readValue(lines.get(i), type));
            } catch (IOException | RuntimeException e) {
                if (i == lines.size() - 1 && !lastEnded) {
                    continue;   // the last line, cut short by a killed build: it was never whole
                }
                throw new UserException(jsonl + ":" + (i + 1) + ": not a " + what + " ("
                        + plain(e.getMessage().lines().findFirst().orElse("")) + "); remove or fix that line", e);
            }
        }
        return entries;
    }

    /** {@code value} as a tree, for reading values by path. */
    public static JsonNode tree(Object value) {
        return LENIENT.valueToTree(value);
    }

    /** Jackson's message without newlines, source placeholders and feature names. */
    private static String plain(String message) {
        return message.replaceAll("\\s+", " ")
                .replaceAll("\\[Source: [^;]*; ", "[")
                .replaceAll(" \\(index \\d+\\); `DeserializationFeature\\.\\w+` enabled", "");
    }

    /** " at key a > b > c" for a mapping error inside the document, else "". */
    private static String keyPath(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return "";
        }
        StringBuilder path = new StringBuilder(" at key ");
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (path.length() > 8) {
                path.append(" > ");
            }
            path.append(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }
}
