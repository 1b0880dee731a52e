package io.egostream.cli.eval;

import io.egostream.cli.json.InputFileException;
import io.egostream.cli.json.JsonSource;
import io.egostream.model.eval.GroundTruthSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ground-truth file for detection: ActivityNet/ActionFormer {@code {"database": {video_id: {"subset",
 * "annotations": [{"label", "segment": [start, end]}]}}}} ({@code label_id} when there is no {@code label}) or Ego4D {@code moments_*.json} ({@code {"videos":
 * [{"split", "clips": [{"clip_uid", "video_start_sec", "annotations": [{"labels": [{"label", "primary",
 * "start_time", "end_time"}]}]}]}]}}: clips are the videos, only primary labels count, times are clip-relative
 * {@code start_time}/{@code end_time}, or {@code video_start_time - video_start_sec} when those are absent).
 *
 * @param segments the ground truth in file order
 * @param format {@code activitynet} or {@code ego4d-moments}
 */
public record GroundTruthFile(List<GroundTruthSegment> segments, String format) {

    /**
     * Reads a ground-truth file.
     *
     * @param file the JSON file
     * @param subset keep only videos whose subset ({@code subset}, or {@code split} in Ego4D files) equals this,
     *     ignoring case; null keeps every video
     * @return the ground truth
     * @throws InputFileException naming the file, the JSON Pointer and what was expected
     */
    public static GroundTruthFile read(final Path file, final String subset) throws InputFileException {
        final Map<String, String> labels = new HashMap<>();
        final List<GroundTruthSegment> out = new ArrayList<>();
        String format = null;
        try (JsonSource in = JsonSource.open(file)) {
            in.beginObject("the ground-truth file");
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                if ("database".equals(field) && format == null) {
                    format = "activitynet";
                    readDatabase(in, subset, labels, out);
                } else if ("videos".equals(field) && format == null) {
                    format = "ego4d-moments";
                    readMoments(in, subset, labels, out);
                } else {
                    in.skipValue();
                }
            }
        }
        if (format == null) {
            throw new InputFileException(file + ": at /: missing \"database\" (ActivityNet/ActionFormer ground "
                    + "truth) or \"videos\" (Ego4D moments file)");
        }
        return new GroundTruthFile(out, format);
    }

    private static void readDatabase(final JsonSource in, final String subset, final Map<String, String> labels,
            final List<GroundTruthSegment> out) throws InputFileException {
        in.beginObject("the database: video id -> video");
        for (String video = in.nextField(); video != null; video = in.nextField()) {
            in.beginObject("video " + video);
            final String at = in.pointer();
            String videoSubset = null;
            final List<GroundTruthSegment> segments = new ArrayList<>();
            boolean annotated = false;
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                if ("subset".equals(field)) {
                    videoSubset = in.readString("the subset");
                } else if ("annotations".equals(field)) {
                    annotated = true;
                    in.beginArray("the annotations");
                    while (in.hasElement()) {
                        segments.add(readAnnotation(in, video, labels));
                    }
                } else {
                    in.skipValue();
                }
            }
            if (!annotated) {
                throw in.errorAt(at, "missing \"annotations\" (a list of {\"label\", \"segment\"})");
            }
            if (subset != null && videoSubset == null) {
                throw in.errorAt(at, "missing \"subset\", needed to select subset " + subset);
            }
            if (subset == null || subset.toLowerCase(Locale.ROOT).equals(videoSubset.toLowerCase(Locale.ROOT))) {
                out.addAll(segments);
            }
        }
    }

    private static GroundTruthSegment readAnnotation(final JsonSource in, final String video,
            final Map<String, String> labels) throws InputFileException {
        in.beginObject("an annotation {\"label\", \"segment\"}");
        final String at = in.pointer();
        String label = null;
        String labelId = null;
        double[] segment = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            if ("label".equals(field)) {
                label = labels.computeIfAbsent(in.readLabel("the label"), l -> l);
            } else if ("label_id".equals(field)) {
                labelId = labels.computeIfAbsent(in.readLabel("the label id"), l -> l);
            } else if ("segment".equals(field)) {
                segment = in.readSegment("the segment in seconds");
            } else {
                in.skipValue();
            }
        }
        if (label == null) {
            label = labelId;
        }
        if (label == null || segment == null) {
            throw in.errorAt(at, "missing " + (label == null ? "\"label\" (a string or an integer)"
                    : "\"segment\" ([start, end] in seconds)"));
        }
        return new GroundTruthSegment(video, label, segment[0], segment[1]);
    }

    private static void readMoments(final JsonSource in, final String subset, final Map<String, String> labels,
            final List<GroundTruthSegment> out) throws InputFileException {
        in.beginArray("the Ego4D videos");
        while (in.hasElement()) {
            in.beginObject("an Ego4D video");
            final String at = in.pointer();
            String split = null;
            final List<GroundTruthSegment> segments = new ArrayList<>();
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                if ("split".equals(field)) {
                    split = in.readString("the split");
                } else if ("clips".equals(field)) {
                    in.beginArray("the clips");
                    while (in.hasElement()) {
                        readClip(in, labels, segments);
                    }
                } else {
                    in.skipValue();
                }
            }
            if (subset != null && split == null) {
                throw in.errorAt(at, "missing \"split\", needed to select subset " + subset);
            }
            if (subset == null || subset.toLowerCase(Locale.ROOT).equals(split.toLowerCase(Locale.ROOT))) {
                out.addAll(segments);
            }
        }
    }

    /** One primary label as read, before its times are made clip-relative. */
    private record MomentLabel(String at, String label, double start, double end, double videoStart,
            double videoEnd) {
    }

    private static void readClip(final JsonSource in, final Map<String, String> labels,
            final List<GroundTruthSegment> out) throws InputFileException {
        in.beginObject("an Ego4D clip");
        final String at = in.pointer();
        String clip = null;
        double clipStart = Double.NaN;
        final List<MomentLabel> moments = new ArrayList<>();
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            if ("clip_uid".equals(field)) {
                clip = in.readString("the clip uid");
            } else if ("video_start_sec".equals(field)) {
                clipStart = in.readNumber("the clip start in the video, seconds");
            } else if ("annotations".equals(field)) {
                in.beginArray("the clip's annotations");
                while (in.hasElement()) {
                    in.beginObject("an annotator's annotation");
                    for (String f = in.nextField(); f != null; f = in.nextField()) {
                        if ("labels".equals(f)) {
                            in.beginArray("the labels");
                            while (in.hasElement()) {
                                final MomentLabel m = readMomentLabel(in, labels);
                                if (m != null) {
                                    moments.add(m);
                                }
                            }
                        } else {
                            in.skipValue();
                        }
                    }
                }
            } else {
                in.skipValue();
            }
        }
        if (clip == null) {
            throw in.errorAt(at, "missing \"clip_uid\" (a string)");
        }
        for (final MomentLabel m : moments) {
            double start = m.start();
            double end = m.end();
            if (Double.isNaN(start) || Double.isNaN(end)) {
                if (Double.isNaN(clipStart) || Double.isNaN(m.videoStart()) || Double.isNaN(m.videoEnd())) {
                    throw in.errorAt(m.at(), "missing \"start_time\" and \"end_time\" (clip seconds), or "
                            + "\"video_start_time\", \"video_end_time\" and the clip's \"video_start_sec\"");
                }
                start = m.videoStart() - clipStart;
                end = m.videoEnd() - clipStart;
            }
            out.add(new GroundTruthSegment(clip, m.label(), start, end));
        }
    }

    /** Reads one label object; null when it is not primary. */
    private static MomentLabel readMomentLabel(final JsonSource in, final Map<String, String> labels)
            throws InputFileException {
        in.beginObject("a moment label");
        final String at = in.pointer();
        String label = null;
        Boolean primary = null;
        double start = Double.NaN;
        double end = Double.NaN;
        double videoStart = Double.NaN;
        double videoEnd = Double.NaN;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "label":
                    label = labels.computeIfAbsent(in.readLabel("the label"), l -> l);
                    break;
                case "primary":
                    primary = in.readBoolean("whether the label is primary");
                    break;
                case "start_time":
                    start = in.readNumber("the start in clip seconds");
                    break;
                case "end_time":
                    end = in.readNumber("the end in clip seconds");
                    break;
                case "video_start_time":
                    videoStart = in.readNumber("the start in video seconds");
                    break;
                case "video_end_time":
                    videoEnd = in.readNumber("the end in video seconds");
                    break;
                default:
                    in.skipValue();
            }
        }
        if (label == null || primary == null) {
            throw in.errorAt(at, "missing " + (label == null ? "\"label\" (a string)" : "\"primary\" (true or false)"));
        }
        return primary ? new MomentLabel(at, label, start, end, videoStart, videoEnd) : null;
    }
}
