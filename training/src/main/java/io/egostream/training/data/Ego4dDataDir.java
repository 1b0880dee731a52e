package io.egostream.training.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The layout of an Ego4D-format data directory (what {@code egostream benchmark generate} writes):
 * <pre>
 * DIR/annotations/moments_{split}.json        MQ
 * DIR/annotations/fho_oscc-pnr_{split}.json   OSCC, PNR
 * DIR/annotations/fho_lta_{split}.json        AR, LTA
 * DIR/annotations/fho_lta_taxonomy.json       {"verbs": [...], "nouns": [...]}
 * DIR/annotations/mq_labels.tsv               id TAB moment class
 * DIR/features/{video_uid}.npy|.npz|.safetensors
 * </pre>
 *
 * @param root the directory
 */
public record Ego4dDataDir(Path root) {

    /** The split names. */
    public static final List<String> SPLITS = List.of("train", "val", "test");

    /** Validates that the directory exists. */
    public Ego4dDataDir {
        if (root == null || !Files.isDirectory(root)) {
            throw new DataException("data directory " + root + " does not exist");
        }
    }

    /** @return {@code DIR/annotations} */
    public Path annotations() {
        return root.resolve("annotations");
    }

    /** @return {@code DIR/features} */
    public Path features() {
        return root.resolve("features");
    }

    /**
     * @param split a split name
     * @return the moments file of that split
     */
    public Path moments(final String split) {
        return annotations().resolve("moments_" + split + ".json");
    }

    /**
     * @param split a split name
     * @return the state-change file of that split
     */
    public Path stateChanges(final String split) {
        return annotations().resolve("fho_oscc-pnr_" + split + ".json");
    }

    /**
     * @param split a split name
     * @return the LTA actions file of that split
     */
    public Path lta(final String split) {
        return annotations().resolve("fho_lta_" + split + ".json");
    }

    /** @return the verb and noun taxonomy */
    public Path taxonomy() {
        return annotations().resolve("fho_lta_taxonomy.json");
    }

    /** @return the moment class list */
    public Path momentLabels() {
        return annotations().resolve("mq_labels.tsv");
    }
}
