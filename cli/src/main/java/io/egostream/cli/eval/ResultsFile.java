package io.egostream.cli.eval;

import io.egostream.cli.json.InputFileException;
import io.egostream.cli.json.JsonSource;
import io.egostream.model.eval.PredictedSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A detection results file: ActivityNet results {@code {"results": {video_id: [{"label", "score",
 * "segment": [start, end]}]}}} or the Ego4D MQ submission {@code {"detect_results": {...}, "retrieve_results":
 * {...}}}. Videos and detections keep their file order; other members are ignored.
 *
 * @param detections detections per video ({@code detect_results}, else {@code results})
 * @param retrieval retrieval lists per video ({@code retrieve_results}), or null when absent
 */
public record ResultsFile(Map<String, List<RawDetection>> detections, Map<String, List<RawDetection>> retrieval) {

    /**
     * Reads a results file.
     *
     * @param file the JSON file
     * @return its detections
     * @throws InputFileException naming the file, the JSON Pointer and what was expected
     */
    public static ResultsFile read(final Path file) throws InputFileException {
        final Map<String, String> labels = new HashMap<>();
        Map<String, List<RawDetection>> results = null;
        Map<String, List<RawDetection>> detect = null;
        Map<String, List<RawDetection>> retrieve = null;
        try (JsonSource in = JsonSource.open(file)) {
            in.beginObject("the results file");
            for (String field = in.nextField(); field != null; field = in.nextField()) {
                switch (field) {
                    case "results":
                        results = readVideos(in, labels);
                        break;
                    case "detect_results":
                        detect = readVideos(in, labels);
                        break;
                    case "retrieve_results":
                        retrieve = readVideos(in, labels);
                        break;
                    default:
                        in.skipValue();
                }
            }
        }
        final Map<String, List<RawDetection>> detections = detect != null ? detect : results;
        if (detections == null) {
            throw new InputFileException(file + ": at /: missing \"results\" (ActivityNet results) or "
                    + "\"detect_results\" (Ego4D MQ submission): an object of video id -> list of detections");
        }
        return new ResultsFile(detections, retrieve);
    }

    /**
     * The detections as evaluator predictions, in file order.
     *
     * @param byVideo detections per video
     * @return the predictions
     */
    public static List<PredictedSegment> predictions(final Map<String, List<RawDetection>> byVideo) {
        final List<PredictedSegment> out = new ArrayList<>();
        byVideo.forEach((video, list) -> {
            for (final RawDetection d : list) {
                out.add(new PredictedSegment(video, d.label(), d.score(), d.start(), d.end()));
            }
        });
        return out;
    }

    private static Map<String, List<RawDetection>> readVideos(final JsonSource in, final Map<String, String> labels)
            throws InputFileException {
        in.beginObject("video id -> list of detections");
        final Map<String, List<RawDetection>> videos = new LinkedHashMap<>();
        for (String video = in.nextField(); video != null; video = in.nextField()) {
            final List<RawDetection> list = new ArrayList<>();
            in.beginArray("the detections of video " + video);
            while (in.hasElement()) {
                list.add(readDetection(in, labels));
            }
            videos.merge(video, list, (a, b) -> {
                a.addAll(b);
                return a;
            });
        }
        return videos;
    }

    private static RawDetection readDetection(final JsonSource in, final Map<String, String> labels)
            throws InputFileException {
        in.beginObject("a detection {\"label\", \"score\", \"segment\"}");
        final String at = in.pointer();
        String label = null;
        boolean integer = false;
        double score = Double.NaN;
        double[] segment = null;
        for (String field = in.nextField(); field != null; field = in.nextField()) {
            switch (field) {
                case "label":
                    label = labels.computeIfAbsent(in.readLabel("the label"), l -> l);
                    integer = in.lastWasInteger();
                    break;
                case "score":
                    score = in.readNumber("the score");
                    break;
                case "segment":
                    segment = in.readSegment("the segment in seconds");
                    break;
                default:
                    in.skipValue();
            }
        }
        if (label == null || Double.isNaN(score) || segment == null) {
            throw in.errorAt(at, "missing " + (label == null ? "\"label\" (a string or an integer)"
                    : Double.isNaN(score) ? "\"score\" (a number)" : "\"segment\" ([start, end] in seconds)"));
        }
        return new RawDetection(label, integer, score, segment[0], segment[1]);
    }
}
