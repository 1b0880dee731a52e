package io.egostream.stream.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.egostream.model.domain.AnalyzerEvent;
import io.egostream.model.domain.Task;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AnalyzerEventSerdeTest {

    private final AnalyzerEventSerde serde = new AnalyzerEventSerde();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldRoundTripOneEventOfEveryTask() {
        for (final AnalyzerEvent event : EventExamples.all()) {
            final byte[] bytes = serde.serializer().serialize("t", event);
            assertEquals(event, serde.deserializer().deserialize("t", bytes));
            assertEquals(event, AnalyzerEventSerde.fromJson(AnalyzerEventSerde.toJson(event)));
        }
    }

    @Test
    void shouldWriteTheDocumentedFieldsOnly() throws IOException {
        final JsonNode ar = json.readTree(AnalyzerEventSerde.toJson(EventExamples.ar()));
        assertEquals(List.of("cameraId", "sessionId", "task", "status", "frames", "time", "labels", "future",
                "keyframe", "model", "emittedAtMs"), fieldNames(ar));
        assertEquals("AR", ar.get("task").asText());
        assertEquals("provisional", ar.get("status").asText());
        assertEquals(List.of("first", "last"), fieldNames(ar.get("frames")));
        assertEquals(List.of("startSeconds", "endSeconds", "startCaptureTimeMs", "endCaptureTimeMs"),
                fieldNames(ar.get("time")));
        assertEquals(List.of("head", "label", "id", "score"), fieldNames(ar.get("labels").get(0)));
        final JsonNode pnr = json.readTree(AnalyzerEventSerde.toJson(EventExamples.pnr()));
        assertEquals("final", pnr.get("status").asText());
        assertEquals(List.of("frameIndex", "timeSeconds", "captureTimeMs", "score"), fieldNames(pnr.get("keyframe")));
        final JsonNode lta = json.readTree(AnalyzerEventSerde.toJson(EventExamples.lta()));
        assertEquals(List.of("step", "verb", "noun"), fieldNames(lta.get("future").get(0)));
        assertTrue(ar.get("future").isArray() && ar.get("future").isEmpty() && ar.get("keyframe").isNull());
    }

    @Test
    void shouldRefuseInvalidJsonWithSerializationException() {
        final String good = AnalyzerEventSerde.toJson(EventExamples.oscc());
        for (final String bad : List.of("not json", "{}", good.replace("\"final\"", "\"done\""),
                good.replace("\"OSCC\"", "\"XYZ\""), good.replace("\"score\":0.83", "\"score\":1.83"),
                good.replace("\"cameraId\"", "\"camera\""), good.replace("\"sessionId\":0,", ""),
                good.replace("\"first\":120,", ""), good.replace("{\"cameraId\"", "{\"extra\":1,\"cameraId\""))) {
            final SerializationException e = assertThrows(SerializationException.class,
                    () -> serde.deserializer().deserialize("egostream.actions", bad.getBytes(StandardCharsets.UTF_8)),
                    bad);
            assertTrue(e.getMessage().contains("egostream.actions"), e.getMessage());
        }
    }

    @Test
    void nullStaysNull() {
        assertNull(serde.serializer().serialize("t", null));
        assertNull(serde.deserializer().deserialize("t", null));
    }

    @Test
    void readmeExamplesAreValidEventsOfEveryTask() throws IOException {
        final String readme = Files.readString(Path.of("..", "README.md"));
        final int section = readme.indexOf("## Topics and event schemas");
        assertTrue(section >= 0, "README.md lacks the section 'Topics and event schemas'");
        final int next = readme.indexOf("\n## ", section + 1);
        final Matcher blocks = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL)
                .matcher(readme.substring(section, next < 0 ? readme.length() : next));
        final Set<Task> tasks = EnumSet.noneOf(Task.class);
        final List<AnalyzerEvent> examples = new ArrayList<>();
        while (blocks.find()) {
            final AnalyzerEvent event = AnalyzerEventSerde.fromJson(blocks.group(1));
            tasks.add(event.task());
            examples.add(event);
        }
        assertEquals(EnumSet.allOf(Task.class), tasks, "README shows one example per task");
        assertEquals(EventExamples.all(), examples, "README examples are the ones of EventExamples, in task order");
    }

    private static List<String> fieldNames(final JsonNode node) {
        final List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
