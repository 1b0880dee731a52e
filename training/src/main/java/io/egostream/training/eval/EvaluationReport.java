package io.egostream.training.eval;

import io.egostream.training.run.EpochRecord;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes {@code report.md} and its PNG plots (XChart) into a directory: the metrics table with chance
 * levels, the training and validation loss curves (when the run's history is given), per-class AP bars,
 * and MQ timelines of predictions against ground truth.
 */
public final class EvaluationReport {

    /** Most classes drawn in a per-class AP chart (the best and the worst half each). */
    static final int AP_BARS = 30;

    private EvaluationReport() {
    }

    /**
     * @param dir the report directory (created)
     * @param result the evaluation
     * @param history the training history, or an empty list
     * @param dataDir the data directory, for the report's header
     * @return the Markdown file
     * @throws IOException if writing fails
     */
    public static Path write(final Path dir, final EvaluationResult result, final List<EpochRecord> history,
            final String dataDir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        final StringBuilder md = new StringBuilder();
        md.append("# Evaluation of ").append(result.modelId()).append("\n\n");
        md.append("Split `").append(result.split()).append("` of `").append(dataDir).append("`. Chance: the ")
                .append("prior-based predictor of each task (majority / prior-sampled classes, centre keyframe, ")
                .append("random segments), scored with the same metric.\n\n");
        md.append("| task | samples | metric | model | chance |\n|---|---|---|---|---|\n");
        for (final TaskScores s : result.scores()) {
            for (final Map.Entry<String, Double> e : s.metrics().entrySet()) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %s%s | %.4f | %.4f |%n", s.task(), s.samples(),
                        e.getKey(), Boolean.TRUE.equals(s.higherIsBetter().get(e.getKey())) ? " (higher better)"
                                : " (lower better)", e.getValue(), s.chance().get(e.getKey())));
            }
        }
        md.append('\n');
        if (!history.isEmpty()) {
            lossCurves(history, dir.resolve("loss_curves.png"));
            md.append("## Loss curves\n\n![loss curves](loss_curves.png)\n\n");
        }
        int n = 0;
        for (final Map.Entry<String, Map<String, Double>> e : result.perClassAp().entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            final String file = "per_class_ap_" + (++n) + ".png";
            perClassAp(e.getKey(), e.getValue(), dir.resolve(file));
            md.append("## ").append(e.getKey()).append("\n\n![").append(e.getKey()).append("](").append(file)
                    .append(")\n\n");
        }
        int t = 0;
        for (final EvaluationResult.ClipTimeline c : result.timelines()) {
            final String file = "timeline_" + (++t) + ".png";
            timeline(c, dir.resolve(file));
            md.append("## MQ timeline of ").append(c.clipUid()).append("\n\n![timeline](").append(file)
                    .append(")\n\nGround truth (green) and the ").append(c.predicted().size())
                    .append(" best predictions after soft-NMS (blue, darker = higher score).\n\n");
        }
        final Path out = dir.resolve("report.md");
        Files.writeString(out, md, StandardCharsets.UTF_8);
        return out;
    }

    static void lossCurves(final List<EpochRecord> history, final Path file) throws IOException {
        final XYChart chart = new XYChartBuilder().width(900).height(500).title("Loss per epoch")
                .xAxisTitle("epoch").yAxisTitle("loss").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        final Set<String> tasks = new LinkedHashSet<>();
        history.forEach(r -> tasks.addAll(r.trainLoss().keySet()));
        for (final String task : tasks) {
            add(chart, task + " train", history, r -> r.trainLoss().get(task), false);
            add(chart, task + " val", history, r -> r.valLoss().get(task), true);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void add(final XYChart chart, final String name, final List<EpochRecord> history,
            final java.util.function.Function<EpochRecord, Double> value, final boolean dashed) {
        final List<Double> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
        for (final EpochRecord r : history) {
            final Double v = value.apply(r);
            if (v != null && Double.isFinite(v)) {
                x.add((double) r.epoch());
                y.add(v);
            }
        }
        if (x.isEmpty()) {
            return;
        }
        final XYSeries s = chart.addSeries(name, x, y);
        s.setMarker(SeriesMarkers.CIRCLE);
        if (dashed) {
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f));
        }
    }

    static void perClassAp(final String title, final Map<String, Double> ap, final Path file) throws IOException {
        final List<Map.Entry<String, Double>> sorted = new ArrayList<>(ap.entrySet());
        sorted.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
        final List<Map.Entry<String, Double>> shown = new ArrayList<>();
        if (sorted.size() <= AP_BARS) {
            shown.addAll(sorted);
        } else {
            shown.addAll(sorted.subList(0, AP_BARS / 2));
            shown.addAll(sorted.subList(sorted.size() - AP_BARS / 2, sorted.size()));
        }
        final CategoryChart chart = new CategoryChartBuilder().width(1100).height(500)
                .title(title + (sorted.size() > AP_BARS ? " (best and worst " + AP_BARS / 2 + " of " + sorted.size()
                        + ")" : "")).xAxisTitle("class").yAxisTitle("AP").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(60);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.addSeries("AP", shown.stream().map(Map.Entry::getKey).toList(),
                shown.stream().map(Map.Entry::getValue).toList());
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    static void timeline(final EvaluationResult.ClipTimeline clip, final Path file) throws IOException {
        final XYChart chart = new XYChartBuilder().width(1100).height(420).title("MQ " + clip.clipUid())
                .xAxisTitle("seconds from the clip start").yAxisTitle("").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(clip.durationSeconds());
        chart.getStyler().setYAxisMin(-0.5);
        chart.getStyler().setYAxisMax(2.5);
        chart.getStyler().setYAxisTicksVisible(false);
        int i = 0;
        for (final EvaluationResult.Moment m : clip.truth()) {
            bar(chart, "gt" + i, m, 1.9 - 0.1 * (i % 8), new Color(30, 150, 60));
            i++;
        }
        int j = 0;
        for (final EvaluationResult.Moment m : clip.predicted()) {
            final int shade = (int) Math.round(200 - 170 * Math.max(0, Math.min(1, m.score())));
            bar(chart, "p" + j, m, 0.9 - 0.1 * (j % 8), new Color(shade, shade, 255));
            j++;
        }
        chart.addAnnotation(new AnnotationText("ground truth", clip.durationSeconds() * 0.02, 2.3, false));
        chart.addAnnotation(new AnnotationText("predictions", clip.durationSeconds() * 0.02, 1.05, false));
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void bar(final XYChart chart, final String name, final EvaluationResult.Moment m, final double y,
            final Color color) {
        final XYSeries s = chart.addSeries(name, new double[] {m.startSeconds(), m.endSeconds()}, new double[] {y, y});
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(6f));
        chart.addAnnotation(new AnnotationText(m.label(), m.startSeconds(), y + 0.05, false));
    }
}
