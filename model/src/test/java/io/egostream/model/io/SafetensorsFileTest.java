package io.egostream.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

    @TempDir Path tmp;

    @Test
    void shouldReadAFileWrittenByHandFromTheSpecificationSkippingMetadata() throws IOException {
        // written with Python's struct and NumPy: features = arange(6).reshape(3, 2) / 4 (F32), ids = [7, -1] (I64)
        final Map<String, NpyArray> t = SafetensorsFile.read(NpzFileTest.resource("/safetensors/two-tensors.safetensors"));
        assertEquals(List.of("features", "ids"), List.copyOf(t.keySet()));
        assertArrayEquals(new long[] {3, 2}, t.get("features").shape());
        assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 0.75f, 1f, 1.25f}, t.get("features").toFloats());
        assertArrayEquals(new long[] {7, -1}, t.get("ids").toLongs());
    }

    @Test
    void writtenFilesShouldReadBackIdentically() throws IOException {
        final Map<String, NpyArray> in = new LinkedHashMap<>();
        in.put("x", NpyArray.ofFloats(new long[] {2, 2}, new float[] {1, 2, 3, 4}));
        in.put("mask", NpyArray.ofBooleans(new long[] {3}, new boolean[] {true, false, true}));
        final Path f = tmp.resolve("t.safetensors");
        SafetensorsFile.write(f, in);
        assertEquals(in, SafetensorsFile.read(f));
    }

    @Test
    void anUnsupportedDtypeShouldBeNamedWithTheTensorAndFile() {
        final byte[] bytes = file("{\"h\":{\"dtype\":\"BF16\",\"shape\":[1],\"data_offsets\":[0,2]}}", 2);
        final IOException e = assertThrows(IOException.class, () -> SafetensorsFile.read(bytes, "v.safetensors"));
        assertTrue(e.getMessage().contains("v.safetensors") && e.getMessage().contains("'h'")
                && e.getMessage().contains("BF16"), e.getMessage());
    }

    @Test
    void offsetsThatDisagreeWithTheShapeShouldBeRejected() {
        final byte[] bytes = file("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", 8);
        final IOException e = assertThrows(IOException.class, () -> SafetensorsFile.read(bytes, "v.safetensors"));
        assertTrue(e.getMessage().contains("needs 12 bytes"), e.getMessage());
    }

    @Test
    void aTruncatedHeaderShouldBeRejected() {
        final byte[] bytes = file("{\"x\":{\"dtype\":\"F32\",", 0);
        assertThrows(IOException.class, () -> SafetensorsFile.read(bytes, "v.safetensors"));
    }

    private static byte[] file(final String header, final int dataBytes) {
        final byte[] h = header.getBytes(StandardCharsets.UTF_8);
        final java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 + h.length + dataBytes)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h);
        return b.array();
    }
}
