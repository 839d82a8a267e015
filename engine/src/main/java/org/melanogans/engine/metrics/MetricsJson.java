package org.melanogans.engine.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.melanogans.engine.AtomicFile;
import org.melanogans.engine.UserException;

/**
 * The JSON conventions shared by metrics.json, the history file and baselines: snake_case keys
 * in declaration order, every key always written (null when unknown; Jackson's default inclusion)
 * so scripts see a stable shape.
 */
final class MetricsJson {
    /** Tolerates unknown keys: metrics.json files written by newer versions must stay readable. */
    static final ObjectMapper LENIENT = base().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Rejects unknown keys: baselines are edited by hand, and a misspelt key must not be ignored. */
    static final ObjectMapper STRICT = base().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    private MetricsJson() {
    }

    private static ObjectMapper base() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Writes {@code value} pretty-printed through a temporary file and a move, so readers never see half a file. */
    static void writeAtomically(Path file, Object value) {
        try {
            String text = STRICT.writeValueAsString(value) + "\n";
            AtomicFile.write(file, temp -> Files.writeString(temp, text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UserException(file + ": cannot write (" + e.getMessage() + "); check the folder exists and is writable", e);
        }
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

    /**
     * The node at a dotted path such as {@code models.dcgan.emd} (object keys only), or null when
     * any step is absent.
     */
    static JsonNode lookup(JsonNode root, String dottedPath) {
        JsonNode node = root;
        for (String step : dottedPath.split("\\.", -1)) {
            if (node == null || !node.isObject()) {
                return null;
            }
            node = node.get(step);
        }
        return node;
    }

    /** One line of JSON, for append-only history files. */
    static String oneLine(Object value) {
        try {
            return STRICT.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Reads {@code file} as {@code type}; a missing file or bad content is a user mistake whose
     * message names the file, the line and what is wrong.
     */
    static <T> T read(ObjectMapper mapper, Path file, Class<T> type, String what) {
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
            throw new UserException(file + ": cannot read (" + e.getMessage() + "); check it exists and is readable", e);
        }
    }
}
