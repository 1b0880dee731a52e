package io.egostream.model.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code .safetensors} files (Hugging Face): an 8-byte little-endian header length, a
 * JSON header {@code {"<name>": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ...}}
 * (an optional {@code "__metadata__"} object of strings is skipped), then the little-endian tensor bytes.
 * Supported element types: {@code F32}, {@code F64}, {@code I32}, {@code I64}, {@code BOOL}, as
 * {@link NpyArray}s of the matching {@link NpyDtype}.
 */
public final class SafetensorsFile {

    private static final long MAX_HEADER = 100L * 1024 * 1024;

    private SafetensorsFile() {
    }

    /**
     * @param file the {@code .safetensors} file
     * @return the tensors by name, in header order
     * @throws IOException if the file is missing, truncated, has a malformed header, an unsupported dtype
     *     or offsets that do not match the shapes; the message names the file and the tensor
     */
    public static Map<String, NpyArray> read(final Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        return read(Files.readAllBytes(file), file.toString());
    }

    /**
     * @param bytes the complete file
     * @param name the file name, for messages
     * @return the tensors by name, in header order
     * @throws IOException as {@link #read(Path)}
     */
    public static Map<String, NpyArray> read(final byte[] bytes, final String name) throws IOException {
        if (bytes.length < 8) {
            throw new IOException(name + ": not a .safetensors file (" + bytes.length + " bytes)");
        }
        final long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (headerLength <= 0 || headerLength > MAX_HEADER || 8 + headerLength > bytes.length) {
            throw new IOException(name + ": not a .safetensors file (header length " + headerLength + " for "
                    + bytes.length + " bytes)");
        }
        final String json = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
        final Object parsed;
        try {
            parsed = new MiniJson(json).parseDocument();
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": malformed .safetensors header: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> header)) {
            throw new IOException(name + ": .safetensors header is not a JSON object");
        }
        final int dataStart = 8 + (int) headerLength;
        final long dataLength = bytes.length - (long) dataStart;
        final Map<String, NpyArray> out = new LinkedHashMap<>();
        for (final Map.Entry<?, ?> e : header.entrySet()) {
            final String key = (String) e.getKey();
            if ("__metadata__".equals(key)) {
                continue;
            }
            out.put(key, tensor(name, key, e.getValue(), bytes, dataStart, dataLength));
        }
        return out;
    }

    private static NpyArray tensor(final String name, final String key, final Object spec, final byte[] bytes,
            final int dataStart, final long dataLength) throws IOException {
        if (!(spec instanceof Map<?, ?> m)) {
            throw new IOException(name + ": tensor '" + key + "' has no {dtype, shape, data_offsets} object");
        }
        final NpyDtype dtype = dtypeOf(name, key, m.get("dtype"));
        final long[] shape = longs(name, key, "shape", m.get("shape"));
        final long[] offsets = longs(name, key, "data_offsets", m.get("data_offsets"));
        if (offsets.length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || offsets[1] > dataLength) {
            throw new IOException(name + ": tensor '" + key + "' has data_offsets " + Arrays.toString(offsets)
                    + " outside the " + dataLength + " data bytes");
        }
        long count = 1;
        for (final long d : shape) {
            if (d < 0) {
                throw new IOException(name + ": tensor '" + key + "' has a negative dimension in "
                        + Arrays.toString(shape));
            }
            count = Math.multiplyExact(count, d);
        }
        if (count * dtype.bytesPerElement() != offsets[1] - offsets[0]) {
            throw new IOException(name + ": tensor '" + key + "' of shape " + Arrays.toString(shape) + " needs "
                    + count * dtype.bytesPerElement() + " bytes, its data_offsets span " + (offsets[1] - offsets[0]));
        }
        final byte[] data = Arrays.copyOfRange(bytes, dataStart + (int) offsets[0], dataStart + (int) offsets[1]);
        return new NpyArray(dtype, shape, data);
    }

    private static NpyDtype dtypeOf(final String name, final String key, final Object dtype) throws IOException {
        if (!(dtype instanceof String s)) {
            throw new IOException(name + ": tensor '" + key + "' has no dtype");
        }
        return switch (s) {
            case "F32" -> NpyDtype.FLOAT32;
            case "F64" -> NpyDtype.FLOAT64;
            case "I32" -> NpyDtype.INT32;
            case "I64" -> NpyDtype.INT64;
            case "BOOL" -> NpyDtype.BOOL;
            default -> throw new IOException(name + ": tensor '" + key + "' has unsupported dtype " + s
                    + " (supported: F32, F64, I32, I64, BOOL)");
        };
    }

    private static long[] longs(final String name, final String key, final String field, final Object value)
            throws IOException {
        if (!(value instanceof List<?> list)) {
            throw new IOException(name + ": tensor '" + key + "' has no " + field + " list");
        }
        final long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IOException(name + ": tensor '" + key + "' has a non-integer " + field + " entry "
                        + list.get(i));
            }
            out[i] = n.longValue();
        }
        return out;
    }

    /**
     * Writes tensors as a {@code .safetensors} file, in iteration order, data contiguous in that order and
     * the header padded with spaces to a multiple of 8 bytes; the file is replaced if it exists.
     *
     * @param file the target file
     * @param tensors the tensors by name
     * @throws IOException if writing fails
     */
    public static void write(final Path file, final Map<String, NpyArray> tensors) throws IOException {
        Files.write(file, toBytes(tensors));
    }

    /**
     * @param tensors the tensors by name
     * @return the complete file bytes
     */
    public static byte[] toBytes(final Map<String, NpyArray> tensors) {
        final StringBuilder header = new StringBuilder("{");
        long offset = 0;
        for (final Map.Entry<String, NpyArray> e : tensors.entrySet()) {
            final NpyArray a = e.getValue();
            final long length = a.size() * a.dtype().bytesPerElement();
            if (header.length() > 1) {
                header.append(',');
            }
            header.append('"').append(MiniJson.escape(e.getKey())).append("\":{\"dtype\":\"")
                    .append(safetensorsName(a.dtype())).append("\",\"shape\":[");
            final long[] shape = a.shape();
            for (int i = 0; i < shape.length; i++) {
                header.append(i > 0 ? "," : "").append(shape[i]);
            }
            header.append("],\"data_offsets\":[").append(offset).append(',').append(offset + length).append("]}");
            offset += length;
        }
        header.append('}');
        while ((header.length() + 8) % 8 != 0) {
            header.append(' ');
        }
        final byte[] h = header.toString().getBytes(StandardCharsets.UTF_8);
        final ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + h.length + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(h.length);
        out.put(h);
        for (final NpyArray a : tensors.values()) {
            out.put(a.rawBytes());
        }
        return out.array();
    }

    private static String safetensorsName(final NpyDtype t) {
        return switch (t) {
            case FLOAT32 -> "F32";
            case FLOAT64 -> "F64";
            case INT32 -> "I32";
            case INT64 -> "I64";
            case BOOL -> "BOOL";
        };
    }
}
