package io.egostream.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Wire-format bytes worked out by hand from the protobuf encoding rules. */
class ProtoWriterTest {

    private static byte[] bytes(final int... v) {
        final byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void varintsAreLittleEndianBase128WithTheTag() {
        // field 1, wire type 0: tag 0x08; 300 = 0b1_0010_1100 -> 0xAC 0x02
        assertArrayEquals(bytes(0x08, 0xAC, 0x02), new ProtoWriter().varint(1, 300).toByteArray());
        // field 20 (AttributeProto.type): tag 20 << 3 = 160 -> 0xA0 0x01
        assertArrayEquals(bytes(0xA0, 0x01, 0x07), new ProtoWriter().varint(20, 7).toByteArray());
        // negative int64 takes ten bytes
        assertEquals(11, new ProtoWriter().varint(3, -1).toByteArray().length);
    }

    @Test
    void floatsAreFixed32LittleEndian() {
        // field 2, wire type 5: tag 0x15; 1.0f = 0x3F800000
        assertArrayEquals(bytes(0x15, 0x00, 0x00, 0x80, 0x3F), new ProtoWriter().float32(2, 1.0f).toByteArray());
    }

    @Test
    void stringsAndMessagesAreLengthDelimited() {
        assertArrayEquals(bytes(0x22, 0x03, 'A', 'd', 'd'), new ProtoWriter().string(4, "Add").toByteArray());
        final ProtoWriter inner = new ProtoWriter().varint(1, 1);
        assertArrayEquals(bytes(0x3A, 0x02, 0x08, 0x01), new ProtoWriter().message(7, inner).toByteArray());
        assertArrayEquals(bytes(0x0A, 0x03, 0x01, 0x96, 0x01),
                new ProtoWriter().packedVarints(1, new long[] {1, 150}).toByteArray());
    }

    @Test
    void rawDataIsLittleEndian() {
        assertArrayEquals(bytes(0x00, 0x00, 0x80, 0x3F), ProtoWriter.littleEndian(new float[] {1f}));
        assertArrayEquals(bytes(0x02, 0, 0, 0, 0, 0, 0, 0), ProtoWriter.littleEndian(new long[] {2}));
    }

    @Test
    void modelStartsWithIrVersionAndNamesItsOperators() {
        final OnnxGraph g = new OnnxGraph("tiny");
        final String x = g.input("x", OnnxGraph.FLOAT, "rows", 2L);
        g.output(g.relu(x), "y", OnnxGraph.FLOAT, "rows", 2L);
        final byte[] m = g.toModel("test");
        assertEquals(0x08, m[0] & 0xFF);
        assertEquals(OnnxGraph.IR_VERSION, m[1]);
        final String text = new String(m, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("Relu") && text.contains("Identity") && text.contains("rows"));
        assertEquals(java.util.List.of("x"), g.inputNames());
        assertEquals(java.util.List.of("y"), g.outputNames());
    }
}
