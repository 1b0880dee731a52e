package io.egostream.training.bench;

import io.egostream.model.synth.ActionSegment;
import io.egostream.model.synth.ClassVocabulary;
import io.egostream.model.synth.VideoTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The labels the benchmark derives from one real timeline:
 * <ul>
 *   <li><b>clips</b>: the video cut into {@code ceil(duration / clipSeconds)} equal clips; an action belongs
 *       to the clip it starts in and is cut at the clip's end (actions shorter than 0.1 s after the cut are
 *       dropped). AR and LTA read the clips' actions in their real order; MQ reads them as moments whose
 *       class is the verb.</li>
 *   <li><b>state changes</b>: every action of a state-changing verb ({@link BenchmarkSource#changesState})
 *       lasting at least 0.5 s gets a keyframe (point of no return) at a seeded 40-60 % of its span and a
 *       positive 8-s window that contains the keyframe 1-7 s after the window's start; for each positive a
 *       negative 8-s window is drawn at a seeded place that overlaps no state-changing action (or, failing
 *       that after 50 draws, holds no keyframe).</li>
 * </ul>
 * The randomness comes from {@code seed} and the video id only, so a video's labels do not depend on which
 * other videos are chosen.
 *
 * @param clips the clips
 * @param windows the state-change windows, positives and negatives interleaved
 */
public record VideoLabels(List<BenchmarkClip> clips, List<StateChangeWindow> windows) {

    /** Length of a state-change window, s. */
    public static final double WINDOW_SECONDS = 8.0;
    /** Shortest state-changing action that gets a keyframe, s. */
    public static final double MIN_STATE_CHANGE_SECONDS = 0.5;
    /** Shortest action kept after cutting at a clip end, s. */
    public static final double MIN_ACTION_SECONDS = 0.1;

    private static final int NEGATIVE_DRAWS = 50;

    /**
     * @param timeline the video
     * @param vocabulary its class names
     * @param source which verbs change state
     * @param clipSeconds clip length, s
     * @param seed the benchmark seed
     * @return the labels
     */
    public static VideoLabels derive(final VideoTimeline timeline, final ClassVocabulary vocabulary,
            final BenchmarkSource source, final double clipSeconds, final long seed) {
        final List<BenchmarkClip> clips = clips(timeline, clipSeconds);
        final SplittableRandom random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * timeline.videoId().hashCode()));
        final double duration = timeline.durationSeconds();
        final List<StateChangeWindow> windows = new ArrayList<>();
        if (duration < WINDOW_SECONDS) {
            return new VideoLabels(clips, windows);
        }
        final List<ActionSegment> changes = new ArrayList<>();
        final List<Double> keyframes = new ArrayList<>();
        for (final ActionSegment a : timeline.segments()) {
            if (source.changesState(vocabulary.verbs().get(a.verbClass()))
                    && a.durationSeconds() >= MIN_STATE_CHANGE_SECONDS) {
                changes.add(a);
                keyframes.add(a.startSeconds() + a.durationSeconds() * (0.4 + 0.2 * random.nextDouble()));
            }
        }
        int n = 0;
        for (int i = 0; i < changes.size(); i++) {
            final double key = keyframes.get(i);
            final double start = clamp(key - (1 + 6 * random.nextDouble()), 0, duration - WINDOW_SECONDS);
            windows.add(window(timeline, clips, n++, start, true, key));
            final double negative = negativeStart(changes, keyframes, duration, random);
            if (!Double.isNaN(negative)) {
                windows.add(window(timeline, clips, n++, negative, false, Double.NaN));
            }
        }
        return new VideoLabels(clips, windows);
    }

    private static double negativeStart(final List<ActionSegment> changes, final List<Double> keyframes,
            final double duration, final SplittableRandom random) {
        double fallback = Double.NaN;
        for (int draw = 0; draw < NEGATIVE_DRAWS; draw++) {
            final double start = (duration - WINDOW_SECONDS) * random.nextDouble();
            final double end = start + WINDOW_SECONDS;
            final boolean keyInside = keyframes.stream().anyMatch(k -> k >= start && k <= end);
            if (keyInside) {
                continue;
            }
            if (changes.stream().noneMatch(a -> a.overlapSeconds(start, end) > 0)) {
                return start;
            }
            if (Double.isNaN(fallback)) {
                fallback = start;
            }
        }
        return fallback;
    }

    private static StateChangeWindow window(final VideoTimeline timeline, final List<BenchmarkClip> clips,
            final int n, final double start, final boolean change, final double keyframe) {
        String clipId = clips.get(clips.size() - 1).clipUid();
        for (final BenchmarkClip c : clips) {
            if (start >= c.startSeconds() && start < c.endSeconds()) {
                clipId = c.clipUid();
                break;
            }
        }
        return new StateChangeWindow(timeline.videoId() + "_sc" + n, timeline.videoId(), clipId, start,
                start + WINDOW_SECONDS, change, keyframe);
    }

    /**
     * @param timeline a video
     * @param clipSeconds the longest clip, s
     * @return its clips with their actions
     */
    public static List<BenchmarkClip> clips(final VideoTimeline timeline, final double clipSeconds) {
        final double duration = timeline.durationSeconds();
        final int n = Math.max(1, (int) Math.ceil(duration / clipSeconds - 1e-9));
        final double length = duration / n;
        final List<BenchmarkClip> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            final double start = k * length;
            final double end = k == n - 1 ? duration : (k + 1) * length;
            final List<ActionSegment> actions = new ArrayList<>();
            for (final ActionSegment a : timeline.segments()) {
                final boolean startsHere = a.startSeconds() >= start && (a.startSeconds() < end || k == n - 1);
                if (!startsHere) {
                    continue;
                }
                final double cut = Math.min(a.endSeconds(), end);
                if (cut - a.startSeconds() >= MIN_ACTION_SECONDS) {
                    actions.add(cut == a.endSeconds() ? a : new ActionSegment(a.id(), a.startSeconds(), cut,
                            a.verbClass(), a.nounClass(), a.narration()));
                }
            }
            out.add(new BenchmarkClip(timeline.videoId() + "_" + k, timeline.videoId(), k, start, end, actions));
        }
        return out;
    }

    private static double clamp(final double v, final double lo, final double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
