package io.egostream.ingest.camera;

import io.egostream.model.synth.AnnotationSet;
import io.egostream.model.synth.FeatureSynthesizer;
import io.egostream.model.synth.RandomClassPrototypes;
import io.egostream.model.synth.SynthesisSettings;
import io.egostream.model.synth.VideoTimeline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The simulated cameras of one run, each with a seeded playlist (a shuffle of every annotated video), sharing one
 * feature generator: the same settings and annotations give the same cameras, videos and vectors.
 */
public final class CameraFleet {

    private final SimulationSettings settings;
    private final List<SimulatedCamera> cameras;

    private CameraFleet(final SimulationSettings settings, final List<SimulatedCamera> cameras) {
        this.settings = settings;
        this.cameras = List.copyOf(cameras);
    }

    /**
     * Builds the cameras.
     *
     * @param settings what the cameras do
     * @param annotations the videos to play and their classes
     * @return the fleet
     */
    public static CameraFleet create(final SimulationSettings settings, final AnnotationSet annotations) {
        final FeatureSynthesizer synthesizer = new FeatureSynthesizer(
                RandomClassPrototypes.of(annotations.vocabulary(), settings.featureDim(), settings.seed()),
                SynthesisSettings.defaults(), settings.seed());
        final List<SimulatedCamera> cameras = new ArrayList<>();
        for (int n = 1; n <= settings.cameras(); n++) {
            final List<VideoTimeline> playlist = new ArrayList<>(annotations.timelines());
            Collections.shuffle(playlist, new Random(settings.seed() * 1_000_003L + n));
            cameras.add(new SimulatedCamera(settings.cameraId(n), synthesizer, playlist, settings.endOfStream(),
                    settings.framesPerCamera()));
        }
        return new CameraFleet(settings, cameras);
    }

    /**
     * The settings.
     *
     * @return what the cameras do
     */
    public SimulationSettings settings() {
        return settings;
    }

    /**
     * The cameras, in id order.
     *
     * @return camera 1 first
     */
    public List<SimulatedCamera> cameras() {
        return cameras;
    }

    /**
     * Whether every camera has finished.
     *
     * @return true when no camera sends anything more
     */
    public boolean finished() {
        return cameras.stream().allMatch(SimulatedCamera::finished);
    }
}
