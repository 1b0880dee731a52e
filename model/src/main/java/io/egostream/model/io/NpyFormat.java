package io.egostream.model.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes single {@code .npy} files (format versions 1.0 to 3.0 read, 1.0 written), byte for
 * byte as NumPy 2 writes them: magic, version, header length, the header dict
 * {@code {'descr': ..., 'fortran_order': False, 'shape': (...), }} followed by NumPy's 21-digit growth
 * padding, spaces and a newline so the data starts on a 64-byte boundary.
 */
public final class NpyFormat {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ARRAY_ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyFormat() {
    }

    /**
     * @param array the array
     * @return the complete {@code .npy} file bytes
     */
    public static byte[] write(final NpyArray array) {
        final long[] shape = array.shape();
        final StringBuilder header = new StringBuilder("{'descr': '").append(array.dtype().descriptor())
                .append("', 'fortran_order': False, 'shape': ").append(NpyArray.shapeText(shape)).append(", }");
        if (shape.length > 0) {
            header.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length()));
        }
        final int hlen = header.length() + 1;
        final int padlen = ARRAY_ALIGN - ((8 + 2 + hlen) % ARRAY_ALIGN);
        header.append(" ".repeat(padlen)).append('\n');
        final byte[] h = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        if (h.length > 0xFFFF) {
            throw new IllegalArgumentException("npy header too long for format 1.0: " + h.length + " bytes");
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream(10 + h.length + (int) array.size() * 8);
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(h.length & 0xFF);
        out.write((h.length >>> 8) & 0xFF);
        out.writeBytes(h);
        out.writeBytes(array.rawBytes());
        return out.toByteArray();
    }

    /**
     * @param bytes a complete {@code .npy} file
     * @param name the file or entry name, for error messages
     * @return the array
     * @throws IOException if the bytes are not a valid little-endian C-order {@code .npy} file; the message
     *     names {@code name} and what is wrong
     */
    public static NpyArray read(final byte[] bytes, final String name) throws IOException {
        if (bytes.length < 10) {
            throw new IOException(name + ": not a .npy file (" + bytes.length + " bytes)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new IOException(name + ": not a .npy file (bad magic)");
            }
        }
        final int major = bytes[6] & 0xFF;
        final int headerLen;
        final int headerStart;
        if (major == 1) {
            headerLen = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8;
            headerStart = 10;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) {
                throw new IOException(name + ": truncated .npy header");
            }
            headerLen = (bytes[8] & 0xFF) | (bytes[9] & 0xFF) << 8 | (bytes[10] & 0xFF) << 16 | (bytes[11] & 0xFF) << 24;
            headerStart = 12;
        } else {
            throw new IOException(name + ": unsupported .npy format version " + major);
        }
        if (headerLen < 0 || headerStart + (long) headerLen > bytes.length) {
            throw new IOException(name + ": truncated .npy header");
        }
        final String header = new String(bytes, headerStart, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        final Matcher d = DESCR.matcher(header);
        final Matcher f = FORTRAN.matcher(header);
        final Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new IOException(name + ": malformed .npy header: " + header.strip());
        }
        final NpyDtype dtype;
        try {
            dtype = NpyDtype.ofDescriptor(d.group(1));
        } catch (IllegalArgumentException e) {
            throw new IOException(name + ": " + e.getMessage(), e);
        }
        final long[] shape = parseShape(s.group(1), name);
        if ("True".equals(f.group(1)) && shape.length > 1) {
            throw new IOException(name + ": Fortran-order arrays are not supported");
        }
        long n = 1;
        for (final long dim : shape) {
            n *= dim;
        }
        final int dataStart = headerStart + headerLen;
        final long expected = n * dtype.bytesPerElement();
        if (bytes.length - dataStart != expected) {
            throw new IOException(name + ": shape " + NpyArray.shapeText(shape) + " of " + dtype.descriptor()
                    + " needs " + expected + " data bytes, file has " + (bytes.length - dataStart));
        }
        final byte[] data = new byte[(int) expected];
        System.arraycopy(bytes, dataStart, data, 0, data.length);
        return new NpyArray(dtype, shape, data);
    }

    private static long[] parseShape(final String text, final String name) throws IOException {
        final List<Long> dims = new ArrayList<>();
        for (final String part : text.split(",")) {
            final String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            try {
                final long v = Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p);
                if (v < 0) {
                    throw new NumberFormatException("negative");
                }
                dims.add(v);
            } catch (NumberFormatException e) {
                throw new IOException(name + ": bad shape (" + text + ") in .npy header", e);
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }
}
