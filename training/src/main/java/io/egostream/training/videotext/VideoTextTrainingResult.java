package io.egostream.training.videotext;

import io.egostream.model.videotext.VideoTextModel;
import java.util.List;

/**
 * The outcome of training.
 *
 * @param model the trained model (the weights after the last epoch)
 * @param history one record per epoch
 */
public record VideoTextTrainingResult(VideoTextModel model, List<VideoTextEpoch> history) {

    /** Copies the history. */
    public VideoTextTrainingResult {
        history = List.copyOf(history);
    }
}
