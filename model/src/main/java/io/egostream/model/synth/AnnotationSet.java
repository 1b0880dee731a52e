package io.egostream.model.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A set of annotated videos with their class vocabulary.
 *
 * @param vocabulary verb and noun class names
 * @param timelines one timeline per video, sorted by video id; not empty
 */
public record AnnotationSet(ClassVocabulary vocabulary, List<VideoTimeline> timelines) {

    /** Validates that every class index is in the vocabulary; copies the timelines. */
    public AnnotationSet {
        if (vocabulary == null || timelines == null || timelines.isEmpty()) {
            throw new IllegalArgumentException("an annotation set needs a vocabulary and at least one video");
        }
        for (final VideoTimeline timeline : timelines) {
            for (final ActionSegment segment : timeline.segments()) {
                if (segment.verbClass() >= vocabulary.verbCount() || segment.nounClass() >= vocabulary.nounCount()) {
                    throw new IllegalArgumentException("segment " + segment.id() + " has verb class "
                            + segment.verbClass() + " and noun class " + segment.nounClass()
                            + "; the vocabulary has " + vocabulary.verbCount() + " verbs and "
                            + vocabulary.nounCount() + " nouns");
                }
            }
        }
        final List<VideoTimeline> sorted = new ArrayList<>(timelines);
        sorted.sort((a, b) -> a.videoId().compareTo(b.videoId()));
        timelines = List.copyOf(sorted);
    }

    /**
     * The timeline of one video.
     *
     * @param videoId the video
     * @return its timeline, or empty when the set has no such video
     */
    public Optional<VideoTimeline> timeline(final String videoId) {
        return timelines.stream().filter(t -> t.videoId().equals(videoId)).findFirst();
    }

    /**
     * The number of annotated segments over all videos.
     *
     * @return the sum of the segment counts
     */
    public int segmentCount() {
        return timelines.stream().mapToInt(t -> t.segments().size()).sum();
    }
}
