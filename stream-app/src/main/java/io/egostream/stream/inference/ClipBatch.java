package io.egostream.stream.inference;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.egostream.model.graph.NodeSet;
import io.egostream.model.nn.ClipInput;
import io.egostream.model.nn.Segments;
import io.egostream.model.schedule.NodeTiming;
import java.util.List;

/**
 * Windows as one backbone input: window j is clip j, its frames the clip's nodes 0..n-1 at the reference
 * timestamps {@code (0.5 + i) * 16 / 30} s (clip-relative, as the reference datasets build clips).
 */
final class ClipBatch {

    private final List<WindowJob> jobs;
    private final NodeTiming timing;
    private final int[] clipStart;

    ClipBatch(final List<WindowJob> jobs, final NodeTiming timing) {
        this.jobs = List.copyOf(jobs);
        this.timing = timing;
        this.clipStart = new int[jobs.size() + 1];
        for (int j = 0; j < jobs.size(); j++) {
            clipStart[j + 1] = clipStart[j] + jobs.get(j).features().length;
        }
    }

    List<WindowJob> jobs() {
        return jobs;
    }

    /** First level-0 row of clip j. */
    int clipStart(final int clip) {
        return clipStart[clip];
    }

    /** Level-0 rows of clip j. */
    int clipSize(final int clip) {
        return clipStart[clip + 1] - clipStart[clip];
    }

    /** The backbone input, {@code x = [sum n_j, D]}, on the manager. */
    ClipInput input(final NDManager manager) {
        final int rows = clipStart[jobs.size()];
        final int dim = jobs.get(0).features()[0].length;
        final float[] x = new float[rows * dim];
        final float[] pos = new float[rows];
        final long[] clip = new long[rows];
        final long[] index = new long[rows];
        for (int j = 0; j < jobs.size(); j++) {
            final float[][] features = jobs.get(j).features();
            for (int i = 0; i < features.length; i++) {
                final int row = clipStart[j] + i;
                System.arraycopy(features[i], 0, x, row * dim, dim);
                pos[row] = timing.pos(i);
                clip[row] = j;
                index[row] = i;
            }
        }
        return new ClipInput(manager.create(x, new Shape(rows, dim)), new NodeSet(pos, clip, index));
    }

    /** One segment per listed clip covering all of its nodes (AR and OSCC read the window as one segment). */
    Segments wholeClipSegments(final List<Integer> clips) {
        final float[] start = new float[clips.size()];
        final float[] end = new float[clips.size()];
        final long[] ids = new long[clips.size()];
        for (int s = 0; s < clips.size(); s++) {
            final int c = clips.get(s);
            start[s] = 0f;
            end[s] = (float) (clipSize(c) * timing.secondsPerFrame());
            ids[s] = c;
        }
        return new Segments(start, end, ids);
    }
}
