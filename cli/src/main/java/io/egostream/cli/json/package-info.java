/**
 * Streaming JSON input for the commands that read user files ({@link io.egostream.cli.json.JsonSource}):
 * every error names the file, the JSON Pointer of the offending value and what was expected
 * ({@link io.egostream.cli.json.InputFileException}); and JSON output helpers
 * ({@link io.egostream.cli.json.JsonOutput}).
 */
package io.egostream.cli.json;
