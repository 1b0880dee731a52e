package io.egostream.training.data;

import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpyDtype;
import io.egostream.model.io.NpyFormat;
import io.egostream.model.io.NpzFile;
import io.egostream.model.io.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory with one feature file per video: {@code <video_uid>.npy}, {@code .npz} or
 * {@code .safetensors}, holding one float array {@code [T, C]} (or {@code [T, 1, C]}); in an archive the
 * array named {@code features} or else the only one. Every file must have the same {@code C}, the first
 * file read fixes it unless an expected dimension is given. Loaded videos are cached (least recently used
 * first out) up to a number of values.
 */
public final class FeatureDirectory {

    /** File extensions tried, in order. */
    public static final List<String> EXTENSIONS = List.of(".npy", ".npz", ".safetensors");

    private final Path dir;
    private final long cacheValues;
    private final Map<String, VideoFeatures> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long cached;
    private int dim;

    /**
     * @param dir the directory
     * @param expectedDim the feature dimension every file must have, or 0 to take it from the first file
     * @param cacheValues most float values kept in memory (at least one video is always kept)
     */
    public FeatureDirectory(final Path dir, final int expectedDim, final long cacheValues) {
        if (!Files.isDirectory(dir)) {
            throw new DataException("feature directory " + dir + " does not exist");
        }
        if (expectedDim < 0) {
            throw new IllegalArgumentException("expected feature dimension must be >= 0, got " + expectedDim);
        }
        this.dir = dir;
        this.dim = expectedDim;
        this.cacheValues = cacheValues;
    }

    /**
     * @param dir the directory, dimension from the first file, a cache of 256 M values (1 GiB)
     */
    public FeatureDirectory(final Path dir) {
        this(dir, 0, 256L * 1024 * 1024);
    }

    /** @return the directory */
    public Path dir() {
        return dir;
    }

    /** @return the feature dimension, or 0 before the first file is read without an expected one */
    public synchronized int dim() {
        return dim;
    }

    /**
     * @param videoUid a video
     * @return its feature file, or null if there is none
     */
    public Path fileOf(final String videoUid) {
        for (final String ext : EXTENSIONS) {
            final Path p = dir.resolve(videoUid + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * @param videoUid a video
     * @param annotationFile the annotation file that names the video, for the message
     * @return its features
     * @throws DataException if the file is missing, unreadable, not a float {@code [T, C]} array or of
     *     another dimension than the others, naming the file
     */
    public synchronized VideoFeatures load(final String videoUid, final Path annotationFile) {
        final VideoFeatures hit = cache.get(videoUid);
        if (hit != null) {
            return hit;
        }
        final Path file = fileOf(videoUid);
        if (file == null) {
            throw new DataException("no feature file for video " + videoUid + " (named by " + annotationFile
                    + "): expected " + dir.resolve(videoUid + ".npy") + " (or .npz, .safetensors)");
        }
        final VideoFeatures v = read(videoUid, file);
        if (dim == 0) {
            dim = v.dim();
        } else if (v.dim() != dim) {
            throw new DataException(file + ": features have dimension " + v.dim() + ", expected " + dim
                    + " like the other videos");
        }
        cache.put(videoUid, v);
        cached += v.values().length;
        final var it = cache.entrySet().iterator();
        while (cached > cacheValues && cache.size() > 1 && it.hasNext()) {
            final var e = it.next();
            if (!e.getKey().equals(videoUid)) {
                cached -= e.getValue().values().length;
                it.remove();
            }
        }
        return v;
    }

    /**
     * Reads one feature file.
     *
     * @param videoUid the video
     * @param file the file
     * @return its features
     * @throws DataException naming the file
     */
    public static VideoFeatures read(final String videoUid, final Path file) {
        final String name = file.getFileName().toString();
        final NpyArray array;
        try {
            if (name.endsWith(".npy")) {
                array = NpyFormat.read(Files.readAllBytes(file), file.toString());
            } else if (name.endsWith(".npz")) {
                array = pick(file, NpzFile.read(file));
            } else if (name.endsWith(".safetensors")) {
                array = pick(file, SafetensorsFile.read(file));
            } else {
                throw new DataException(file + ": unknown feature file type (expected " + EXTENSIONS + ")");
            }
        } catch (IOException e) {
            throw new DataException(file + ": cannot read features: " + e.getMessage(), e);
        }
        if (array.dtype() != NpyDtype.FLOAT32 && array.dtype() != NpyDtype.FLOAT64) {
            throw new DataException(file + ": features must be float32 or float64, found " + array.dtype());
        }
        final long[] s = array.shape();
        final boolean rows = s.length == 2 || (s.length == 3 && s[1] == 1);
        if (!rows || s[s.length - 1] < 1) {
            throw new DataException(file + ": features must be [T, C] (or [T, 1, C]), found shape "
                    + Arrays.toString(s));
        }
        final float[] values = array.toFloats();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new DataException(file + ": feature value " + values[i] + " at row "
                        + i / s[s.length - 1] + " is not finite");
            }
        }
        return new VideoFeatures(videoUid, file, (int) s[0], (int) s[s.length - 1], values);
    }

    private static NpyArray pick(final Path file, final Map<String, NpyArray> arrays) {
        if (arrays.containsKey("features")) {
            return arrays.get("features");
        }
        if (arrays.size() == 1) {
            return arrays.values().iterator().next();
        }
        throw new DataException(file + ": holds " + arrays.keySet() + "; expected one array or one named 'features'");
    }
}
