/** The {@code egostream text} commands: the offline sentence encoder from the command line. */
package io.egostream.cli.text;
