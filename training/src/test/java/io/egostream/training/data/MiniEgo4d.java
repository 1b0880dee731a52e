package io.egostream.training.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.model.io.NpyArray;
import io.egostream.model.io.NpyFormat;
import io.egostream.model.io.NpzFile;
import io.egostream.model.io.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny Ego4D-format data directory written for tests: three videos of 4-d features ({@code v1.npy} with
 * 100 rows, {@code v2.npz} with 40, {@code v3.safetensors} with 30; row r is {@code (r, 0, 0, 1)}), 24
 * LTA actions on v1, two state-change windows on v2 and one moments clip on v3.
 */
public final class MiniEgo4d {

    static final ObjectMapper JSON = new ObjectMapper();

    private MiniEgo4d() {
    }

    public static Path write(final Path root) throws IOException {
        Files.createDirectories(root.resolve("annotations"));
        Files.createDirectories(root.resolve("features"));
        Files.write(root.resolve("features/v1.npy"), NpyFormat.write(features(100, 4)));
        NpzFile.write(root.resolve("features/v2.npz"), Map.of("features", features(40, 4)));
        SafetensorsFile.write(root.resolve("features/v3.safetensors"), Map.of("features", features(30, 4)));
        final List<String> verbs = new ArrayList<>();
        final List<String> nouns = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            verbs.add("verb" + i);
            nouns.add("noun" + i);
        }
        JSON.writeValue(root.resolve("annotations/fho_lta_taxonomy.json").toFile(), Map.of("verbs", verbs, "nouns", nouns));
        Files.writeString(root.resolve("annotations/mq_labels.tsv"), "0\t\"cut\"\n1\t\"wash\"\n");
        writeLta(root.resolve("annotations/fho_lta_train.json"), "v1");
        writeStateChanges(root.resolve("annotations/fho_oscc-pnr_train.json"), 0);
        writeMoments(root.resolve("annotations/moments_train.json"));
        return root;
    }

    static NpyArray features(final int rows, final int dim) {
        final float[] v = new float[rows * dim];
        for (int r = 0; r < rows; r++) {
            v[r * dim] = r;
            v[r * dim + dim - 1] = 1;
        }
        return NpyArray.ofFloats(new long[] {rows, dim}, v);
    }

    /** 24 actions in clip c1 starting at frame 100: action k spans clip frames [50k, 50k + 40], verb k, noun 29 - k. */
    static void writeLta(final Path file, final String video) throws IOException {
        final List<Map<String, Object>> clips = new ArrayList<>();
        for (int k = 23; k >= 0; k--) {
            final Map<String, Object> a = new LinkedHashMap<>();
            a.put("video_uid", video);
            a.put("clip_uid", "c1");
            a.put("action_idx", k);
            a.put("clip_parent_start_frame", 100);
            a.put("clip_parent_end_frame", 1500);
            a.put("action_clip_start_frame", 50 * k);
            a.put("action_clip_end_frame", 50 * k + 40);
            a.put("verb", "verb" + k);
            a.put("verb_label", k);
            a.put("noun", "noun" + (29 - k));
            a.put("noun_label", 29 - k);
            clips.add(a);
        }
        JSON.writeValue(file.toFile(), Map.of("clips", clips));
    }

    /** Two 8-s windows of clip s1 on v2 shifted by {@code shift} frames: [0, 240] with PNR 120, [240, 480] none. */
    static void writeStateChanges(final Path file, final long shift) throws IOException {
        final List<Map<String, Object>> clips = new ArrayList<>();
        clips.add(window("u1", shift, true));
        clips.add(window("u2", shift + 240, false));
        JSON.writeValue(file.toFile(), Map.of("version", "1", "clips", clips));
    }

    private static Map<String, Object> window(final String uid, final long start, final boolean change) {
        final Map<String, Object> w = new LinkedHashMap<>();
        w.put("unique_id", uid);
        w.put("video_uid", "v2");
        w.put("clip_id", "s1");
        w.put("clip_uid", "s1");
        w.put("parent_start_sec", start / 30.0);
        w.put("parent_end_sec", (start + 240) / 30.0);
        w.put("parent_start_frame", start);
        w.put("parent_end_frame", start + 240);
        w.put("state_change", change);
        w.put("parent_pnr_frame", change ? start + 120 : null);
        return w;
    }

    /** One clip of v3 (frames 16..400) with "cut" [32, 96] twice (two annotators), a non-primary "wash". */
    static void writeMoments(final Path file) throws IOException {
        final Map<String, Object> cut = Map.of("label", "cut", "primary", true, "video_start_frame", 32,
                "video_end_frame", 96, "video_start_time", 32 / 30.0, "video_end_time", 96 / 30.0);
        final Map<String, Object> wash = Map.of("label", "wash", "primary", false, "video_start_frame", 40,
                "video_end_frame", 90, "video_start_time", 40 / 30.0, "video_end_time", 3.0);
        final Map<String, Object> clip = new LinkedHashMap<>();
        clip.put("clip_uid", "m1");
        clip.put("video_start_sec", 16 / 30.0);
        clip.put("video_end_sec", 400 / 30.0);
        clip.put("video_start_frame", 16);
        clip.put("video_end_frame", 400);
        clip.put("annotations", List.of(Map.of("labels", List.of(cut, wash)), Map.of("labels", List.of(cut))));
        final Map<String, Object> video = Map.of("video_uid", "v3", "split", "train", "clips", List.of(clip));
        JSON.writeValue(file.toFile(), Map.of("version", "v1", "videos", List.of(video)));
    }
}
