package io.egostream.training.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One JSON object of an annotation file with typed, checked field access; every error names the file, the
 * entry's path (e.g. {@code videos[3].clips[0]}) and the field.
 *
 * @param file the annotation file
 * @param path the entry's path inside the file
 * @param node the object
 */
record JsonEntry(Path file, String path, JsonNode node) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param file an annotation file
     * @return its top-level object
     * @throws DataException if it is missing or not a JSON object
     */
    static JsonEntry readFile(final Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DataException("annotation file " + file + " does not exist");
        }
        final JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new DataException(file + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DataException(file + ": expected a JSON object at the top level");
        }
        return new JsonEntry(file, "", root);
    }

    private JsonNode field(final String name) {
        final JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new DataException(file + ": " + where() + " has no '" + name + "'");
        }
        return v;
    }

    private String where() {
        return path.isEmpty() ? "the top-level object" : path;
    }

    boolean has(final String name) {
        final JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    String text(final String name) {
        final JsonNode v = field(name);
        if (!v.isTextual() && !v.isNumber()) {
            throw new DataException(file + ": " + where() + "." + name + " must be a string, got " + v);
        }
        return v.asText();
    }

    long integer(final String name) {
        final JsonNode v = field(name);
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble())) {
            throw new DataException(file + ": " + where() + "." + name + " must be an integer, got " + v);
        }
        return v.asLong();
    }

    double number(final String name) {
        final JsonNode v = field(name);
        if (!v.isNumber()) {
            throw new DataException(file + ": " + where() + "." + name + " must be a number, got " + v);
        }
        return v.asDouble();
    }

    boolean bool(final String name) {
        final JsonNode v = field(name);
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isNumber() && (v.asInt() == 0 || v.asInt() == 1)) {
            return v.asInt() == 1;
        }
        throw new DataException(file + ": " + where() + "." + name + " must be true/false (or 0/1), got " + v);
    }

    java.util.List<JsonEntry> array(final String name) {
        final JsonNode v = field(name);
        if (!v.isArray()) {
            throw new DataException(file + ": " + where() + "." + name + " must be an array");
        }
        final java.util.List<JsonEntry> out = new java.util.ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            final String p = (path.isEmpty() ? "" : path + ".") + name + "[" + i + "]";
            if (!v.get(i).isObject()) {
                throw new DataException(file + ": " + p + " must be an object");
            }
            out.add(new JsonEntry(file, p, v.get(i)));
        }
        return out;
    }

    DataException error(final String what) {
        return new DataException(file + ": " + where() + " " + what);
    }
}
