package io.egostream.cli.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON file value by value, without building a tree (prediction files can hold millions of
 * detections). Every read says what it expects; when the file has something else, the
 * {@link InputFileException} names the file, the JSON Pointer of the value (e.g.
 * {@code /results/video_1/3/score}) and the expectation.
 */
public final class JsonSource implements AutoCloseable {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final Path file;
    private final JsonParser parser;
    private JsonToken pending;

    private JsonSource(final Path file, final JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /**
     * Opens a file.
     *
     * @param file the JSON file
     * @return the source, positioned before the top-level value
     * @throws InputFileException if the file cannot be opened
     */
    public static JsonSource open(final Path file) throws InputFileException {
        try {
            return new JsonSource(file, FACTORY.createParser(Files.newInputStream(file)));
        } catch (IOException e) {
            throw new InputFileException(file + ": cannot read the file (" + describe(e) + ")");
        }
    }

    /**
     * The file being read.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * The JSON Pointer of the current value.
     *
     * @return e.g. {@code /results/video_1/3}; {@code /} for the top level
     */
    public String pointer() {
        final String p = parser.getParsingContext().pathAsPointer().toString();
        return p.isEmpty() ? "/" : p;
    }

    /**
     * An error at the current value.
     *
     * @param expected what should have been there, e.g. {@code "the score (a number)"}
     * @return the exception to throw
     */
    public InputFileException error(final String expected) {
        return new InputFileException(file + ": at " + pointer() + ": expected " + expected + ", found "
                + found(parser.currentToken()));
    }

    /**
     * An error about the object that starts at {@code objectPointer}.
     *
     * @param objectPointer the pointer recorded when the object began
     * @param problem what is wrong, e.g. {@code missing "segment" ([start, end] in seconds)}
     * @return the exception to throw
     */
    public InputFileException errorAt(final String objectPointer, final String problem) {
        return new InputFileException(file + ": at " + objectPointer + ": " + problem);
    }

    /**
     * Reads the start of an object.
     *
     * @param what what the object is, for the error message
     * @throws InputFileException if the next value is not an object
     */
    public void beginObject(final String what) throws InputFileException {
        if (advance() != JsonToken.START_OBJECT) {
            throw error(what + " (an object)");
        }
    }

    /**
     * Reads the next member name of the current object.
     *
     * @return the name, or null at the end of the object
     * @throws InputFileException on malformed JSON
     */
    public String nextField() throws InputFileException {
        final JsonToken t = advance();
        if (t == JsonToken.END_OBJECT) {
            return null;
        }
        try {
            return parser.currentName();
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /**
     * Reads the start of an array.
     *
     * @param what what the array is, for the error message
     * @throws InputFileException if the next value is not an array
     */
    public void beginArray(final String what) throws InputFileException {
        if (advance() != JsonToken.START_ARRAY) {
            throw error(what + " (an array)");
        }
    }

    /**
     * Whether the current array has another element (consumes the end of the array when not).
     *
     * @return true when an element follows
     * @throws InputFileException on malformed JSON
     */
    public boolean hasElement() throws InputFileException {
        if (peek() == JsonToken.END_ARRAY) {
            advance();
            return false;
        }
        return true;
    }

    /**
     * Whether the next value is JSON {@code null} (not consumed).
     *
     * @return true for null
     * @throws InputFileException on malformed JSON
     */
    public boolean nextIsNull() throws InputFileException {
        return peek() == JsonToken.VALUE_NULL;
    }

    /**
     * Reads a number.
     *
     * @param what what it is, for the error message
     * @return its value
     * @throws InputFileException if the next value is not a number
     */
    public double readNumber(final String what) throws InputFileException {
        final JsonToken t = advance();
        if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
            throw error(what + " (a number)");
        }
        try {
            return parser.getDoubleValue();
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    /**
     * Reads an integer (a number with no fractional part, e.g. {@code 12} or {@code 12.0}).
     *
     * @param what what it is, for the error message
     * @return its value
     * @throws InputFileException if the next value is not an integer
     */
    public long readLong(final String what) throws InputFileException {
        final JsonToken t = advance();
        try {
            if (t == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                return parser.getLongValue();
            }
            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                final double d = parser.getDoubleValue();
                if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                    return (long) d;
                }
            }
        } catch (IOException e) {
            throw malformed(e);
        }
        throw error(what + " (an integer)");
    }

    /**
     * Reads an integer that fits an {@code int}.
     *
     * @param what what it is, for the error message
     * @return its value
     * @throws InputFileException if the next value is not such an integer
     */
    public int readInt(final String what) throws InputFileException {
        final long v = readLong(what);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error(what + " (an integer in 32 bits)");
        }
        return (int) v;
    }

    /**
     * Reads a string.
     *
     * @param what what it is, for the error message
     * @return its value
     * @throws InputFileException if the next value is not a string
     */
    public String readString(final String what) throws InputFileException {
        if (advance() != JsonToken.VALUE_STRING) {
            throw error(what + " (a string)");
        }
        return text();
    }

    /**
     * Reads a class label: a string, or an integer taken as its decimal text.
     *
     * @param what what it is, for the error message
     * @return the label text
     * @throws InputFileException if the next value is neither
     */
    public String readLabel(final String what) throws InputFileException {
        final JsonToken t = advance();
        if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT) {
            return text();
        }
        throw error(what + " (a string or an integer)");
    }

    /**
     * Whether the last label read by {@link #readLabel} was a JSON integer.
     *
     * @return true for an integer label
     */
    public boolean lastWasInteger() {
        return parser.currentToken() == JsonToken.VALUE_NUMBER_INT;
    }

    /**
     * Reads a boolean ({@code true}/{@code false}, or the integers 0 and 1).
     *
     * @param what what it is, for the error message
     * @return its value
     * @throws InputFileException if the next value is neither
     */
    public boolean readBoolean(final String what) throws InputFileException {
        final JsonToken t = advance();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            final String s = text();
            if ("0".equals(s) || "1".equals(s)) {
                return "1".equals(s);
            }
        }
        throw error(what + " (true or false)");
    }

    /**
     * Reads an array of numbers.
     *
     * @param what what it is, for the error message
     * @return the values
     * @throws InputFileException if the next value is not an array of numbers
     */
    public double[] readNumbers(final String what) throws InputFileException {
        beginArray(what);
        final List<Double> values = new ArrayList<>();
        while (hasElement()) {
            values.add(readNumber("an element of " + what));
        }
        final double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /**
     * Reads an array of integers.
     *
     * @param what what it is, for the error message
     * @return the values
     * @throws InputFileException if the next value is not an array of integers
     */
    public int[] readInts(final String what) throws InputFileException {
        beginArray(what);
        final List<Integer> values = new ArrayList<>();
        while (hasElement()) {
            values.add(readInt("an element of " + what));
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Reads an array of arrays of numbers.
     *
     * @param what what it is, for the error message
     * @return the rows (they may differ in length)
     * @throws InputFileException if the next value is not an array of arrays of numbers
     */
    public double[][] readNumberRows(final String what) throws InputFileException {
        beginArray(what);
        final List<double[]> rows = new ArrayList<>();
        while (hasElement()) {
            rows.add(readNumbers("a row of " + what));
        }
        return rows.toArray(new double[0][]);
    }

    /**
     * Reads an array of arrays of integers.
     *
     * @param what what it is, for the error message
     * @return the rows (they may differ in length)
     * @throws InputFileException if the next value is not an array of arrays of integers
     */
    public int[][] readIntRows(final String what) throws InputFileException {
        beginArray(what);
        final List<int[]> rows = new ArrayList<>();
        while (hasElement()) {
            rows.add(readInts("a row of " + what));
        }
        return rows.toArray(new int[0][]);
    }

    /**
     * Whether the next value is an object (not consumed; until it is, {@link #error} describes it).
     *
     * @return true for an object
     * @throws InputFileException on malformed JSON
     */
    public boolean nextIsObject() throws InputFileException {
        return peek() == JsonToken.START_OBJECT;
    }

    /**
     * Whether the next value is an array (not consumed).
     *
     * @return true for an array
     * @throws InputFileException on malformed JSON
     */
    public boolean nextIsArray() throws InputFileException {
        return peek() == JsonToken.START_ARRAY;
    }

    /**
     * Reads a segment {@code [start, end]}.
     *
     * @param what what it is, for the error message
     * @return {@code {start, end}}
     * @throws InputFileException unless the next value is an array of exactly two numbers
     */
    public double[] readSegment(final String what) throws InputFileException {
        beginArray(what + " ([start, end])");
        final String at = pointer();
        final double[] seg = new double[2];
        int n = 0;
        while (hasElement()) {
            final double v = readNumber("a bound of " + what);
            if (n < 2) {
                seg[n] = v;
            }
            n++;
        }
        if (n != 2) {
            throw errorAt(at, "expected " + what + " as [start, end] (2 numbers), found " + n);
        }
        return seg;
    }

    /**
     * Skips the next value, whatever it is.
     *
     * @throws InputFileException on malformed JSON
     */
    public void skipValue() throws InputFileException {
        final JsonToken t = advance();
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            try {
                parser.skipChildren();
            } catch (IOException e) {
                throw malformed(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing was written; a failing close of an input stream loses nothing
        }
    }

    private JsonToken peek() throws InputFileException {
        if (pending == null) {
            pending = next();
        }
        return pending;
    }

    private JsonToken advance() throws InputFileException {
        if (pending != null) {
            final JsonToken t = pending;
            pending = null;
            return t;
        }
        return next();
    }

    private JsonToken next() throws InputFileException {
        try {
            final JsonToken t = parser.nextToken();
            if (t == null) {
                throw new InputFileException(file + ": the JSON ends early (at " + pointer() + ")");
            }
            return t;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new InputFileException(file + ": cannot read the file (" + describe(e) + ")");
        }
    }

    private String text() throws InputFileException {
        try {
            return parser.getText();
        } catch (IOException e) {
            throw malformed(e);
        }
    }

    private InputFileException malformed(final IOException e) {
        if (e instanceof JsonProcessingException) {
            final JsonProcessingException j = (JsonProcessingException) e;
            final JsonLocation loc = j.getLocation();
            final String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            final String message = j.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
            return new InputFileException(file + ": not valid JSON" + where + ": " + message);
        }
        return new InputFileException(file + ": cannot read the file (" + describe(e) + ")");
    }

    private static String describe(final IOException e) {
        final String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private String found(final JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case END_ARRAY:
                return "the end of the array";
            case END_OBJECT:
                return "the end of the object";
            case VALUE_STRING:
                return "the string \"" + abbreviate(safeText()) + "\"";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "the number " + safeText();
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return "null";
            default:
                return t.asString() == null ? t.name() : t.asString();
        }
    }

    private String safeText() {
        try {
            return parser.getText();
        } catch (IOException e) {
            return "?";
        }
    }

    private static String abbreviate(final String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
