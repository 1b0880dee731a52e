package io.egostream.model.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.egostream.model.domain.EndOfStream;
import io.egostream.model.domain.FeatureFrame;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the decoder: random arrays, truncations and byte flips of valid records. Any unchecked
 * exception fails the test (it would escape {@code decode}); every result must be a decoded record or a
 * rejection with a reason and a detail.
 */
class FeatureFrameCodecFuzzTest {

    private static final long SEED = 20_240_601L;
    private static final int DIM = 8;
    private final FeatureFrameCodec codec = FeatureFrameCodec.forDimension(DIM);

    private static FeatureFrame randomFrame(final Random random) {
        final float[] features = new float[DIM];
        for (int i = 0; i < DIM; i++) {
            features[i] = (float) random.nextGaussian();
        }
        return new FeatureFrame("cam-" + random.nextInt(1000), random.nextInt(5), random.nextInt(1_000_000),
                Math.abs(random.nextLong() >>> 20), features);
    }

    private void assertWellFormed(final DecodeResult result) {
        assertNotNull(result);
        if (result instanceof DecodeResult.Rejected rejected) {
            assertNotNull(rejected.reason());
            assertTrue(!rejected.detail().isBlank());
        }
    }

    @Test
    void randomBytesNeverThrow() {
        final Random random = new Random(SEED);
        final Set<RejectReason> seen = EnumSet.noneOf(RejectReason.class);
        for (int i = 0; i < 20_000; i++) {
            final byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);
            if (i % 2 == 0 && bytes.length >= 6) {
                // give half of them a valid prefix so the fuzzing reaches the deeper fields
                System.arraycopy(FrameWireFormat.MAGIC, 0, bytes, 0, 4);
                bytes[4] = FrameWireFormat.VERSION;
                bytes[5] = (byte) (1 + random.nextInt(2));
            }
            final DecodeResult result = codec.decode(bytes);
            assertWellFormed(result);
            if (result instanceof DecodeResult.Rejected rejected) {
                seen.add(rejected.reason());
            }
        }
        assertTrue(seen.containsAll(EnumSet.of(RejectReason.EMPTY, RejectReason.BAD_MAGIC,
                RejectReason.TRUNCATED, RejectReason.BAD_CAMERA_ID)), "reasons seen: " + seen);
    }

    @Test
    void truncationsAndBitFlipsOfValidRecordsNeverThrow() {
        final Random random = new Random(SEED + 1);
        int decodedAfterFlip = 0;
        for (int i = 0; i < 2_000; i++) {
            final byte[] valid = i % 10 == 0
                    ? FeatureFrameCodec.encode(new EndOfStream("cam-" + i, 1L, i, 5L))
                    : FeatureFrameCodec.encode(randomFrame(random));
            for (int length = 0; length < valid.length; length += 1 + random.nextInt(4)) {
                final DecodeResult result = codec.decode(Arrays.copyOf(valid, length));
                assertWellFormed(result);
                assertTrue(!result.isDecoded(), "a strict prefix must never decode");
            }
            final byte[] flipped = valid.clone();
            final int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
            }
            final DecodeResult result = codec.decode(flipped);
            assertWellFormed(result);
            if (result instanceof DecodeResult.Decoded decoded) {
                decodedAfterFlip++;
                // a flip that still decodes must re-encode to exactly the same bytes
                assertEquals(Arrays.toString(flipped), Arrays.toString(FeatureFrameCodec.encode(decoded.record())));
            }
        }
        assertTrue(decodedAfterFlip > 0, "some flips (inside values) still decode");
    }
}
