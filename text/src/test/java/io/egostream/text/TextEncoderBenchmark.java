package io.egostream.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Encode throughput of {@link TextEncoder} at batch sizes 1, 8 and 32, cache disabled, on the same
 * distinct texts: EPIC-style action names ("cut onion") and longer narrations. Not a test: run it with
 * {@code mvn -B -q -pl text test-compile exec:java -Dai.djl.offline=true}.
 */
public final class TextEncoderBenchmark {

    private static final String[] VERBS = {
        "take", "put", "cut", "open", "close", "wash", "pour", "mix", "turn on", "turn off",
        "peel", "stir", "insert", "remove", "throw", "dry"
    };
    private static final String[] NOUNS = {
        "onion", "tomato", "knife", "door", "tap", "pan", "plate", "spoon", "cupboard", "fridge",
        "water", "oil", "bowl", "lid", "sponge", "carrot"
    };
    private static final int[] BATCH_SIZES = {1, 8, 32};
    private static final int ROUNDS = 3;

    private TextEncoderBenchmark() {}

    /**
     * Runs the benchmark and prints one line per text kind and batch size.
     *
     * @param args unused
     */
    public static void main(final String[] args) {
        final List<String> actions = new ArrayList<>();
        final List<String> narrations = new ArrayList<>();
        for (final String verb : VERBS) {
            for (final String noun : NOUNS) {
                actions.add(verb + " " + noun);
                narrations.add("the person standing at the kitchen counter starts to " + verb
                        + " the " + noun + " with the left hand and then looks at the sink");
            }
        }
        System.out.printf(Locale.ROOT, "machine: %d cores, %s %s, java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("java.version"));
        run("actions (2-3 words)", actions);
        run("narrations (~20 words)", narrations);
    }

    private static void run(final String kind, final List<String> texts) {
        double baseline = 0;
        for (final int batch : BATCH_SIZES) {
            final TextEncoderSettings settings =
                    TextEncoderSettings.DEFAULTS.withCacheCapacity(0).withMaxBatchSize(batch);
            try (TextEncoder encoder = TextEncoder.open(settings)) {
                encoder.embed(texts.subList(0, Math.min(64, texts.size()))); // warm-up
                double best = 0;
                for (int round = 0; round < ROUNDS; round++) {
                    final long start = System.nanoTime();
                    encoder.embed(texts);
                    final double seconds = (System.nanoTime() - start) / 1e9;
                    best = Math.max(best, texts.size() / seconds);
                }
                if (batch == 1) {
                    baseline = best;
                }
                System.out.printf(Locale.ROOT, "%-24s batch %2d: %7.1f sentences/s (x%.2f vs batch 1),"
                        + " %d texts, best of %d%n", kind, batch, best, best / baseline, texts.size(), ROUNDS);
            }
        }
    }
}
