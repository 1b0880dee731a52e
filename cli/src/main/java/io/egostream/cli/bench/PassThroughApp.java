package io.egostream.cli.bench;

import io.egostream.model.codec.DecodeResult;
import io.egostream.stream.topology.Topic;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The baseline of the pipeline benchmark: a Kafka Streams app with the analyzer's input (frames decoded by the same
 * serde) and one output topic, forwarding each valid frame's bytes unchanged; no state, no model.
 */
final class PassThroughApp {

    private PassThroughApp() {}

    static Topology topology(final Topic<String, DecodeResult> frames, final String output, final AtomicLong count) {
        final Topology topology = new Topology();
        topology.addSource("frames", frames.keySerde().deserializer(), frames.valueSerde().deserializer(),
                frames.name());
        topology.addProcessor("forward", () -> new Processor<String, DecodeResult, String, byte[]>() {
            private ProcessorContext<String, byte[]> context;

            @Override
            public void init(final ProcessorContext<String, byte[]> processorContext) {
                this.context = processorContext;
            }

            @Override
            public void process(final Record<String, DecodeResult> record) {
                if (record.value() instanceof DecodeResult.Decoded) {
                    context.forward(record.withValue(frames.valueSerde().serializer().serialize(frames.name(),
                            record.value())));
                    count.incrementAndGet();
                }
            }
        }, "frames");
        topology.addSink("out", output, Serdes.String().serializer(), Serdes.ByteArray().serializer(), "forward");
        return topology;
    }
}
