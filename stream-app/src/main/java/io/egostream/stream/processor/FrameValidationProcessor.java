package io.egostream.stream.processor;

import io.egostream.model.codec.DecodeResult;
import io.egostream.model.codec.FeatureFrameCodec;
import io.egostream.model.codec.RejectReason;
import io.egostream.model.domain.CameraRecord;
import io.egostream.stream.metrics.AnalyzerMetrics;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step of the topology, without state: a record that did not decode (wrong magic or version, truncated,
 * wrong dimension, NaN/Inf, oversized, ...) or whose Kafka key differs from the camera id inside it goes to the
 * dead-letter topic with its reason; a valid frame or end-of-stream marker goes on to the camera analyzer.
 */
public final class FrameValidationProcessor implements Processor<String, DecodeResult, String, Object> {

    private final List<String> childNames;
    private final DeadLetters deadLetters;
    private ProcessorContext<String, Object> context;

    /**
     * @param analyzerName node name of the camera analyzer
     * @param dlqSinkName node name of the dead-letter sink
     * @param metrics the meters
     */
    public FrameValidationProcessor(final String analyzerName, final String dlqSinkName,
            final AnalyzerMetrics metrics) {
        this(List.of(analyzerName), dlqSinkName, metrics);
    }

    /**
     * @param childNames node names that get every valid record (the camera analyzer, the search indexer)
     * @param dlqSinkName node name of the dead-letter sink
     * @param metrics the meters
     */
    public FrameValidationProcessor(final List<String> childNames, final String dlqSinkName,
            final AnalyzerMetrics metrics) {
        this.childNames = List.copyOf(childNames);
        this.deadLetters = new DeadLetters(dlqSinkName, metrics);
    }

    @Override
    public void init(final ProcessorContext<String, Object> processorContext) {
        this.context = processorContext;
    }

    @Override
    public void process(final Record<String, DecodeResult> record) {
        final DecodeResult value = record.value();
        if (value instanceof DecodeResult.Rejected rejected) {
            deadLetters.send(context, record, rejected.reason(), rejected.detail(), rejected.payload());
            return;
        }
        final CameraRecord camera = ((DecodeResult.Decoded) value).record();
        if (!camera.cameraId().equals(record.key())) {
            deadLetters.send(context, record, RejectReason.KEY_MISMATCH, "record key '" + record.key()
                    + "' differs from camera id '" + camera.cameraId() + "' in the value",
                    FeatureFrameCodec.encode(camera));
            return;
        }
        for (final String child : childNames) {
            context.forward(record.withValue(camera), child);
        }
    }
}
