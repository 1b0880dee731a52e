package io.egostream.cli.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;

/** Writing reports as JSON: NaN becomes {@code null}, doubles keep every digit. */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    /**
     * A number for a report: the value, or null when it is NaN.
     *
     * @param v the value
     * @return a Double or null
     */
    public static Double number(final double v) {
        return Double.isNaN(v) ? null : v;
    }

    /**
     * Numbers for a report, NaN as null.
     *
     * @param values the values
     * @return the list
     */
    public static List<Double> numbers(final double[] values) {
        final List<Double> out = new ArrayList<>(values.length);
        for (final double v : values) {
            out.add(number(v));
        }
        return out;
    }

    /**
     * The value as indented JSON.
     *
     * @param value maps, lists, strings, numbers
     * @return the text
     */
    public static String write(final Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }
}
