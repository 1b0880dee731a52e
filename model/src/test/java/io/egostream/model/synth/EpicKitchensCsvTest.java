package io.egostream.model.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EpicKitchensCsvTest {

    @Test
    void shouldLoadTheShippedValidationSplit() {
        final AnnotationSet epic = EpicKitchensCsv.shipped();
        assertEquals(138, epic.timelines().size());
        assertEquals(9668, epic.segmentCount());
        assertEquals(97, epic.vocabulary().verbCount());
        assertEquals(300, epic.vocabulary().nounCount());
        assertEquals("take", epic.vocabulary().verbs().get(0));
        assertEquals("tap", epic.vocabulary().nouns().get(0));
    }

    @Test
    void shouldParseSegmentsAndDurationsOfOneVideo() {
        final VideoTimeline p0111 = EpicKitchensCsv.shipped().timeline("P01_11").orElseThrow();
        final ActionSegment first = p0111.segments().get(0);
        assertEquals("P01_11_0", first.id());
        assertEquals(0.0, first.startSeconds(), 1e-9);
        assertEquals(1.89, first.endSeconds(), 1e-9);
        assertEquals(0, first.verbClass());
        assertEquals(2, first.nounClass());
        assertEquals("take plate", first.narration());
        assertTrue(p0111.durationSeconds() >= p0111.segments().get(p0111.segments().size() - 1).endSeconds());
    }

    @Test
    void shouldReadAnotherFileInTheSameFormat(@TempDir final Path dir) throws IOException {
        final Path csv = dir.resolve("mine.csv");
        Files.writeString(csv, "narration_id,video_id,start_timestamp,stop_timestamp,narration,verb_class,noun_class\n"
                + "X_1,X,00:00:01.00,00:00:03.50,\"cut onion, slowly\",7,12\n"
                + "X_2,X,00:00:02.00,00:01:00.00,wash pan,2,5\n");
        final AnnotationSet set = EpicKitchensCsv.read(csv);
        final VideoTimeline x = set.timeline("X").orElseThrow();
        assertEquals(2, x.segments().size());
        assertEquals("cut onion, slowly", x.segments().get(0).narration());
        assertEquals(60.0, x.durationSeconds(), 1e-9);
    }

    @Test
    void malformedTimestampIsRefusedNamingLineAndColumn(@TempDir final Path dir) throws IOException {
        final Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "narration_id,video_id,start_timestamp,stop_timestamp,narration,verb_class,noun_class\n"
                + "X_1,X,00:00:01.00,00:00:03.50,take cup,7,12\n"
                + "X_2,X,1.5s,00:00:04.00,take cup,7,12\n");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EpicKitchensCsv.read(csv));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("start_timestamp")
                && e.getMessage().contains("1.5s"), e.getMessage());
    }

    @Test
    void classOutsideTheVocabularyIsRefused(@TempDir final Path dir) throws IOException {
        final Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "narration_id,video_id,start_timestamp,stop_timestamp,narration,verb_class,noun_class\n"
                + "X_1,X,00:00:01.00,00:00:03.50,take cup,97,12\n");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EpicKitchensCsv.read(csv));
        assertTrue(e.getMessage().contains("verb class 97"), e.getMessage());
    }

    @Test
    void missingColumnIsNamed(@TempDir final Path dir) throws IOException {
        final Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "narration_id,video_id,start_timestamp\nX_1,X,00:00:01.00\n");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EpicKitchensCsv.read(csv));
        assertTrue(e.getMessage().contains("no column 'stop_timestamp'"), e.getMessage());
    }
}
