package io.egostream.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzFileTest {

    @TempDir Path tmp;

    static Path resource(final String name) {
        try {
            return Path.of(NpzFileTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRewriteEveryReferenceWeightFileBitIdentically() throws IOException {
        for (final String stem : List.of("backbone", "head_ar", "head_oscc", "head_pnr", "head_lta", "head_mq",
                "egopack")) {
            final Path original = resource("/reference/hier-egopack-small/weights/" + stem + ".npz");
            final Map<String, NpyArray> arrays = NpzFile.read(original);
            assertArrayEquals(Files.readAllBytes(original), NpzFile.toBytes(arrays), stem);
        }
    }

    @Test
    void shouldReadHeaderShapesAndTypes() throws IOException {
        final Map<String, NpyArray> in = NpzFile.read(resource("/reference/hier-egopack-small/inputs.npz"));
        assertEquals(NpyDtype.FLOAT32, in.get("n5.x").dtype());
        assertArrayEquals(new long[] {5, 1, 32}, in.get("n5.x").shape());
        assertEquals(NpyDtype.BOOL, in.get("n37pad.mask").dtype());
        assertEquals(NpyDtype.INT64, in.get("n5.indices").dtype());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4}, in.get("n5.indices").toLongs());
        assertEquals(0.26666668f, in.get("n5.pos").toFloats()[0]);
    }

    @Test
    void shouldRoundTripEveryTypeAndAScalar() throws IOException {
        final Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("f", NpyArray.ofFloats(new long[] {2, 2}, new float[] {1f, -0f, Float.NaN, 3.5f}));
        arrays.put("i", NpyArray.ofLongs(new long[] {3}, new long[] {-1, 0, Long.MAX_VALUE}));
        arrays.put("b", NpyArray.ofBooleans(new long[] {2}, new boolean[] {true, false}));
        arrays.put("s", NpyArray.ofFloats(new long[] {}, new float[] {7f}));
        arrays.put("empty", NpyArray.ofFloats(new long[] {0, 4}, new float[0]));
        final Path f = tmp.resolve("a.npz");
        NpzFile.write(f, arrays);
        final Map<String, NpyArray> back = NpzFile.read(f);
        assertEquals(arrays, back);
        assertEquals(List.copyOf(arrays.keySet()), List.copyOf(back.keySet()));
    }

    @Test
    void shouldNameTheFileOfACorruptArchive() throws IOException {
        final Path f = tmp.resolve("broken.npz");
        Files.write(f, new byte[] {1, 2, 3, 4, 5});
        final IOException e = assertThrows(IOException.class, () -> NpzFile.read(f));
        assertTrue(e.getMessage().contains("broken.npz"), e.getMessage());
        final IOException missing = assertThrows(IOException.class, () -> NpzFile.read(tmp.resolve("none.npz")));
        assertTrue(missing.getMessage().contains("none.npz"), missing.getMessage());
    }

    @Test
    void shouldRejectABadNpyHeaderNamingTheMember() {
        final byte[] bytes = NpyFormat.write(NpyArray.ofFloats(new long[] {2}, new float[] {1, 2}));
        final byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        final IOException e = assertThrows(IOException.class, () -> NpyFormat.read(truncated, "x.npy"));
        assertTrue(e.getMessage().startsWith("x.npy: shape (2,)"), e.getMessage());
    }
}
