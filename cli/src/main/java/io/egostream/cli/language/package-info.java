/** Command-line entry points of the language features: {@code egostream train open-vocab} and {@code train teacher}. */
package io.egostream.cli.language;
