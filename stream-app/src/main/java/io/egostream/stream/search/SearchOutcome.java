package io.egostream.stream.search;

import io.egostream.model.videotext.SearchHit;
import java.util.List;

/**
 * What a search across instances found.
 *
 * @param results the merged top k, best first
 * @param asked instances asked (this one included)
 * @param failed one line per instance that did not answer in time or answered an error ({@code host:port: why})
 */
public record SearchOutcome(List<SearchHit> results, int asked, List<String> failed) {

    /** Copies the lists. */
    public SearchOutcome {
        results = List.copyOf(results);
        failed = List.copyOf(failed);
    }

    /**
     * Whether every asked instance answered.
     *
     * @return true when none failed
     */
    public boolean complete() {
        return failed.isEmpty();
    }
}
