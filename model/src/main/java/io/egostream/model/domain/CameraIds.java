package io.egostream.model.domain;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The rule every camera id obeys: 1 to {@value #MAX_UTF8_BYTES} bytes of UTF-8, not blank, and no
 * control characters (so ids print safely in logs, metric labels and Kafka keys).
 */
public final class CameraIds {

    /** Longest camera id, in bytes of its UTF-8 encoding. */
    public static final int MAX_UTF8_BYTES = 128;

    private CameraIds() {}

    /**
     * Says what is wrong with a camera id, if anything.
     *
     * @param cameraId the id to check, may be null
     * @return a sentence naming the problem, or empty when the id is valid
     */
    public static Optional<String> problem(final String cameraId) {
        if (cameraId == null) {
            return Optional.of("camera id is missing (null)");
        }
        if (cameraId.isBlank()) {
            return Optional.of("camera id '" + cameraId + "' is blank");
        }
        final int bytes = cameraId.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            return Optional.of("camera id is " + bytes + " UTF-8 bytes long; at most "
                    + MAX_UTF8_BYTES + " are allowed");
        }
        for (int i = 0; i < cameraId.length(); i++) {
            if (Character.isISOControl(cameraId.charAt(i))) {
                return Optional.of("camera id holds control character U+"
                        + String.format("%04X", (int) cameraId.charAt(i)) + " at position " + i);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the id when it is valid.
     *
     * @param cameraId the id to check
     * @return the same id
     * @throws IllegalArgumentException naming the problem when the id is invalid
     */
    public static String requireValid(final String cameraId) {
        final Optional<String> problem = problem(cameraId);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
        return cameraId;
    }
}
