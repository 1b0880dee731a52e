package io.egostream.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns what a YAML file or an environment variable holds into the typed value of a {@link ConfigKey}, or a
 * {@link ConfigException} naming the key, the value, where it came from and what is allowed.
 */
final class ConfigValueReader {

    private static final YAMLMapper YAML = new YAMLMapper();

    private ConfigValueReader() {}

    /**
     * Reads a value from a parsed YAML node. Types are strict: a string key needs a YAML string, an integer
     * key an integer, a number key any number, a boolean key {@code true}/{@code false}.
     *
     * @param key the key
     * @param node the node (YAML's empty value is a null node)
     * @param source where the value came from, e.g. {@code file app.yaml}
     * @return the typed value: Integer, Long, Double, Boolean, String, the enum constant or an unmodifiable
     *     {@code Map<String, String>}
     * @throws ConfigException when the type is wrong or the value is not allowed
     */
    static Object fromYaml(final ConfigKey key, final JsonNode node, final String source) {
        final Object value;
        switch (key.type()) {
            case INT:
                value = node.isIntegralNumber() && node.canConvertToInt() ? (Object) node.intValue() : null;
                break;
            case LONG:
                value = node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : null;
                break;
            case DOUBLE:
                value = node.isNumber() ? (Object) node.doubleValue() : null;
                break;
            case BOOLEAN:
                value = node.isBoolean() ? (Object) node.booleanValue() : null;
                break;
            case MAP:
                value = mapOf(node);
                break;
            default:
                value = node.isTextual() ? key.fromString(node.textValue()) : null;
                break;
        }
        return checked(key, value, describe(node), source);
    }

    /**
     * Reads a value from the text of an environment variable. Numbers and booleans are parsed strictly
     * (Java syntax, {@code true}/{@code false}); strings and enums are taken as they are; a map is a YAML or
     * JSON flow mapping, e.g. {@code {"linger.ms": 5}}.
     *
     * @param key the key
     * @param text the variable's value
     * @param source where the value came from, e.g. {@code environment variable EGOSTREAM_HTTP_PORT}
     * @return the typed value, as {@link #fromYaml}
     * @throws ConfigException when the text does not parse or the value is not allowed
     */
    static Object fromText(final ConfigKey key, final String text, final String source) {
        final String trimmed = text.trim();
        Object value;
        try {
            switch (key.type()) {
                case INT:
                    value = Integer.parseInt(trimmed);
                    break;
                case LONG:
                    value = Long.parseLong(trimmed);
                    break;
                case DOUBLE:
                    value = Double.parseDouble(trimmed);
                    break;
                case BOOLEAN:
                    value = "true".equals(trimmed) ? Boolean.TRUE : "false".equals(trimmed) ? Boolean.FALSE : null;
                    break;
                case MAP:
                    value = mapOf(YAML.readTree(text));
                    break;
                default:
                    value = key.fromString(text);
                    break;
            }
        } catch (NumberFormatException | JacksonException e) {
            value = null;
        }
        return checked(key, value, "'" + text + "'", source);
    }

    private static Object checked(final ConfigKey key, final Object value, final String shown, final String source) {
        if (value == null || key.problem(value).isPresent()) {
            throw key.invalid(shown, source);
        }
        return value;
    }

    private static Map<String, String> mapOf(final JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        final Map<String, String> map = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> field : node.properties()) {
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                return null;
            }
            map.put(field.getKey(), field.getValue().asText());
        }
        return Collections.unmodifiableMap(map);
    }

    private static String describe(final JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return "empty (null)";
        }
        if (node.isTextual()) {
            return "'" + node.textValue() + "' (a string)";
        }
        if (node.isContainerNode()) {
            return node + " (a " + (node.isObject() ? "mapping" : "list") + ")";
        }
        return node.asText();
    }
}
