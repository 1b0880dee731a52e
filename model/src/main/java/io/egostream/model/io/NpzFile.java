package io.egostream.model.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads and writes {@code .npz} archives (a zip of {@code <key>.npy} members), the format of
 * {@code np.savez} / {@code np.savez_compressed}.
 *
 * <p>The writer is deterministic and lays the archive out as NumPy's {@code savez_compressed} does
 * (deflate level 6, a zip64 extra field in each local header, Unix mode 0600), with every timestamp at
 * 1980-01-01 00:00 so the same arrays always give the same bytes. Members keep the map's iteration order.
 */
public final class NpzFile {

    private static final int LOCAL_SIG = 0x04034b50;
    private static final int CENTRAL_SIG = 0x02014b50;
    private static final int END_SIG = 0x06054b50;
    private static final int DOS_DATE_1980_01_01 = 0x0021;
    private static final int UNIX_MODE_0600 = 0600 << 16;

    private NpzFile() {
    }

    /**
     * Reads every member of an archive.
     *
     * @param file the {@code .npz} file
     * @return the arrays by key (member name without {@code .npy}), in archive order
     * @throws IOException if the file is missing, is not a zip archive, or holds a member that is not a
     *     valid {@code .npy}; the message names the file and the member
     */
    public static Map<String, NpyArray> read(final Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        final Map<String, NpyArray> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            final Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                final ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                final String member = e.getName();
                final String key = member.endsWith(".npy") ? member.substring(0, member.length() - 4) : member;
                final byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                } catch (ZipException z) {
                    throw new IOException(file + ": member " + member + " is corrupt: " + z.getMessage(), z);
                }
                out.put(key, NpyFormat.read(bytes, file.getFileName() + ":" + member));
            }
        } catch (ZipException z) {
            throw new IOException(file + ": not a readable .npz (zip) archive: " + z.getMessage(), z);
        }
        return out;
    }

    /**
     * Writes the arrays as a compressed {@code .npz}; the file is replaced if it exists.
     *
     * @param file the target file
     * @param arrays the arrays by key, written in iteration order as {@code <key>.npy}
     * @throws IOException if writing fails
     */
    public static void write(final Path file, final Map<String, NpyArray> arrays) throws IOException {
        Files.write(file, toBytes(arrays));
    }

    /**
     * @param arrays the arrays by key
     * @return the bytes of the compressed {@code .npz} archive
     */
    public static byte[] toBytes(final Map<String, NpyArray> arrays) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream central = new ByteArrayOutputStream();
        int count = 0;
        for (final Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            final byte[] name = (e.getKey() + ".npy").getBytes(StandardCharsets.UTF_8);
            final byte[] raw = NpyFormat.write(e.getValue());
            final byte[] packed = deflate(raw);
            final CRC32 crc = new CRC32();
            crc.update(raw);
            final int offset = out.size();
            // local header with a zip64 extra field (sizes repeated as 64-bit), as Python's zipfile writes
            le32(out, LOCAL_SIG);
            le16(out, 20);
            le16(out, 0);
            le16(out, Deflater.DEFLATED);
            le16(out, 0);
            le16(out, DOS_DATE_1980_01_01);
            le32(out, (int) crc.getValue());
            le32(out, packed.length);
            le32(out, raw.length);
            le16(out, name.length);
            le16(out, 20);
            out.writeBytes(name);
            le16(out, 0x0001);
            le16(out, 16);
            le64(out, raw.length);
            le64(out, packed.length);
            out.writeBytes(packed);

            le32(central, CENTRAL_SIG);
            le16(central, (3 << 8) | 20);
            le16(central, 20);
            le16(central, 0);
            le16(central, Deflater.DEFLATED);
            le16(central, 0);
            le16(central, DOS_DATE_1980_01_01);
            le32(central, (int) crc.getValue());
            le32(central, packed.length);
            le32(central, raw.length);
            le16(central, name.length);
            le16(central, 0);
            le16(central, 0);
            le16(central, 0);
            le16(central, 0);
            le32(central, UNIX_MODE_0600);
            le32(central, offset);
            central.writeBytes(name);
            count++;
        }
        final int centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        le32(out, END_SIG);
        le16(out, 0);
        le16(out, 0);
        le16(out, count);
        le16(out, count);
        le32(out, central.size());
        le32(out, centralOffset);
        le16(out, 0);
        return out.toByteArray();
    }

    private static byte[] deflate(final byte[] raw) {
        final Deflater deflater = new Deflater(6, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            final ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
            final byte[] buf = new byte[65536];
            while (!deflater.finished()) {
                final int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void le16(final OutputStream out, final int v) {
        try {
            out.write(v & 0xFF);
            out.write((v >>> 8) & 0xFF);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void le32(final OutputStream out, final int v) {
        le16(out, v & 0xFFFF);
        le16(out, (v >>> 16) & 0xFFFF);
    }

    private static void le64(final OutputStream out, final long v) {
        le32(out, (int) v);
        le32(out, (int) (v >>> 32));
    }
}
