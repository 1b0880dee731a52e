package io.egostream.stream.topology;

/** Names of the analyzer's state stores (their changelog topics are {@code <application.id>-<name>-changelog}). */
public final class StoreNames {

    /** Recent frames of every camera: key camera id + frame index, value the frame's wire bytes. */
    public static final String CAMERA_FRAMES = "camera-frames";
    /** Bookkeeping of every camera: key camera id, value {@code CameraState}. */
    public static final String CAMERA_SESSIONS = "camera-sessions";

    /** Pending moment candidates of every camera: key camera id + sequence number. */
    public static final String MOMENT_CANDIDATES = "moment-candidates";

    /** The latest event of every camera and task: key camera id + 0x00 + task, value the event's JSON. */
    public static final String LATEST_EVENTS = "camera-latest-events";

    /** Final search entries of every camera: key camera id + level + session + first frame (see SearchStoreCodec). */
    public static final String SEARCH_EMBEDDINGS = "search-embeddings";

    /** Search indexer position of every camera: key camera id, value {@code CameraCursor}. */
    public static final String SEARCH_CURSORS = "search-cursors";

    private StoreNames() {}
}
