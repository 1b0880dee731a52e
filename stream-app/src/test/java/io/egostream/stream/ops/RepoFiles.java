package io.egostream.stream.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository's {@code ops/} directory, found from the test's working directory upwards. */
final class RepoFiles {

    private RepoFiles() {}

    /**
     * A file under {@code ops/}.
     *
     * @param relative e.g. {@code prometheus/alerts.yml}
     * @return its absolute path
     * @throws IllegalStateException when no parent directory holds {@code ops/relative}
     */
    static Path ops(final String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            final Path candidate = dir.resolve("ops").resolve(relative);
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("ops/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
