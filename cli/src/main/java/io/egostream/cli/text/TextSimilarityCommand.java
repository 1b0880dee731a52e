package io.egostream.cli.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.text.TextEncoder;
import io.egostream.text.TextEncoderException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code egostream text similarity TEXT...}: prints the cosine similarity matrix of the texts' embeddings
 * as JSON, {@code {"texts": [N texts], "cosine": [N][N]}}.
 */
@Command(
        name = "similarity",
        mixinStandardHelpOptions = true,
        description = "Print the cosine similarity matrix of the texts as JSON: {\"texts\": [...], \"cosine\": [[...]]}.")
public final class TextSimilarityCommand implements Callable<Integer> {

    @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Texts to compare (at least one).")
    private List<String> texts;

    @Option(names = "--decimals", paramLabel = "N", defaultValue = "4",
            description = "Decimals of each cosine, 1 to 17 (default: ${DEFAULT-VALUE}).")
    private int decimals;

    @Override
    public Integer call() throws JsonProcessingException {
        if (decimals < 1 || decimals > 17) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--decimals must be in [1, 17], got " + decimals);
        }
        final float[][] embeddings;
        try (TextEncoder encoder = TextEncoder.openDefault()) {
            embeddings = encoder.embed(texts);
        } catch (TextEncoderException e) {
            spec.commandLine().getErr().println("egostream text similarity: " + e.getMessage());
            return 1;
        }
        final Map<String, Object> result = new LinkedHashMap<>();
        result.put("texts", texts);
        result.put("cosine", cosineMatrix(embeddings));
        spec.commandLine().getOut().println(
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return 0;
    }

    /** {@code [N][N]} cosines of the {@code [N][384]} embeddings, rounded to {@code decimals}. */
    private double[][] cosineMatrix(final float[][] embeddings) {
        final double[][] cosine = new double[embeddings.length][embeddings.length];
        for (int i = 0; i < embeddings.length; i++) {
            for (int j = 0; j < embeddings.length; j++) {
                cosine[i][j] = BigDecimal.valueOf(TextEncoder.cosine(embeddings[i], embeddings[j]))
                        .setScale(decimals, RoundingMode.HALF_EVEN)
                        .doubleValue();
            }
        }
        return cosine;
    }
}
