package io.egostream.cli.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import picocli.CommandLine;

/** Prints results of the model commands as pretty JSON on the command's standard output. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonOutput() {
    }

    static void print(final CommandLine.Model.CommandSpec spec, final Object value) {
        try {
            spec.commandLine().getOut().println(MAPPER.writeValueAsString(value));
            spec.commandLine().getOut().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print JSON: " + e.getMessage(), e);
        }
    }

    /** Prints {@code egostream model <command>: <message>} on standard error and returns exit code 1. */
    static int failure(final CommandLine.Model.CommandSpec spec, final String message) {
        spec.commandLine().getErr().println("egostream " + spec.qualifiedName(" ").replaceFirst("^egostream ", "")
                + ": " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
