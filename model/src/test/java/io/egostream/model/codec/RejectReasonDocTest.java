package io.egostream.model.codec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RejectReasonDocTest {

    @Test
    void readmeFrameWireFormatSectionNamesEveryRejectReason() throws IOException {
        final String readme = Files.readString(Path.of("..", "README.md"));
        final int start = readme.indexOf("## Frame wire format");
        assertTrue(start >= 0, "README.md lacks the section 'Frame wire format'");
        final int end = readme.indexOf("\n## ", start + 1);
        final String section = readme.substring(start, end < 0 ? readme.length() : end);
        for (final RejectReason reason : RejectReason.values()) {
            assertTrue(section.contains("`" + reason.name() + "`"), "README does not document " + reason);
        }
    }
}
