package io.egostream.model.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with a header row (RFC 4180: comma-separated, fields may be double-quoted, {@code ""} inside
 * quotes is a quote). Fields are read by column name; problems name the source, line and column.
 */
final class CsvTable {

    private final String source;
    private final Map<String, Integer> columns;
    private final List<String[]> rows;
    private final List<Integer> lineNumbers;

    private CsvTable(final String source, final Map<String, Integer> columns, final List<String[]> rows,
            final List<Integer> lineNumbers) {
        this.source = source;
        this.columns = columns;
        this.rows = rows;
        this.lineNumbers = lineNumbers;
    }

    /**
     * Reads a whole CSV file. Records do not span lines (none of the supported files need that).
     *
     * @param source name of the file for messages
     * @param reader its text
     * @param required column names that must be present
     * @return the table
     * @throws IOException when reading fails
     * @throws IllegalArgumentException naming the source and line when the file is malformed
     */
    static CsvTable read(final String source, final BufferedReader reader, final List<String> required)
            throws IOException {
        final String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(source + " is empty; expected a CSV header line");
        }
        final String[] names = split(source, 1, stripBom(header));
        final Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].trim(), i);
        }
        for (final String name : required) {
            if (!columns.containsKey(name)) {
                throw new IllegalArgumentException(source + " has no column '" + name + "'; its header is: "
                        + header);
            }
        }
        final List<String[]> rows = new ArrayList<>();
        final List<Integer> lineNumbers = new ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            final String[] fields = split(source, lineNumber, line);
            if (fields.length != names.length) {
                throw new IllegalArgumentException(source + " line " + lineNumber + " has " + fields.length
                        + " fields; the header has " + names.length);
            }
            rows.add(fields);
            lineNumbers.add(lineNumber);
        }
        return new CsvTable(source, columns, rows, lineNumbers);
    }

    int size() {
        return rows.size();
    }

    String get(final int row, final String column) {
        return rows.get(row)[columns.get(column)];
    }

    int getInt(final int row, final String column) {
        final String text = get(row, column).trim();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw problem(row, column, "'" + text + "' is not an integer");
        }
    }

    double getDouble(final int row, final String column) {
        final String text = get(row, column).trim();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw problem(row, column, "'" + text + "' is not a number");
        }
    }

    /** A timestamp {@code HH:MM:SS.ss} in seconds. */
    double getTimestampSeconds(final int row, final String column) {
        final String text = get(row, column).trim();
        final String[] parts = text.split(":");
        try {
            if (parts.length != 3) {
                throw new NumberFormatException(text);
            }
            return Integer.parseInt(parts[0]) * 3600.0 + Integer.parseInt(parts[1]) * 60.0
                    + Double.parseDouble(parts[2]);
        } catch (NumberFormatException e) {
            throw problem(row, column, "'" + text + "' is not a timestamp HH:MM:SS.ss");
        }
    }

    IllegalArgumentException problem(final int row, final String column, final String what) {
        return new IllegalArgumentException(source + " line " + lineNumbers.get(row) + ", column " + column
                + ": " + what);
    }

    private static String stripBom(final String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static String[] split(final String source, final int lineNumber, final String line) {
        final List<String> fields = new ArrayList<>();
        final StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            final char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(source + " line " + lineNumber + " ends inside a quoted field");
        }
        fields.add(field.toString());
        return fields.toArray(new String[0]);
    }
}
