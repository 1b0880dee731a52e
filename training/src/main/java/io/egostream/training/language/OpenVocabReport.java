package io.egostream.training.language;

import java.util.List;
import java.util.Map;

/**
 * What the open-vocabulary experiment measured.
 *
 * @param target verb or noun
 * @param prompt the prompt template
 * @param budget the training budget every head got
 * @param adapterHidden the X-MIC adapter's hidden width
 * @param trainExamples examples trained on (base classes of the training split)
 * @param baseClasses the base class names
 * @param novelClasses the held-out class names
 * @param sets one entry per evaluation set
 * @param finalLosses each head's mean training loss in the last epoch
 */
public record OpenVocabReport(String target, String prompt, TrainingBudget budget, int adapterHidden,
        int trainExamples, List<String> baseClasses, List<String> novelClasses, List<SetResult> sets,
        Map<String, Double> finalLosses) {

    /**
     * The results on one evaluation set.
     *
     * @param name the set, e.g. {@code epic-novel}
     * @param examples how many examples
     * @param classes the size of its label set
     * @param chance uniform chance
     * @param majority the rate of always answering the most frequent label
     * @param heads each head's accuracy by head title; a head that cannot name these labels is absent
     */
    public record SetResult(String name, int examples, int classes, Accuracy chance, double majority,
            Map<String, Accuracy> heads) {
    }
}
