/** The {@code egostream config} command and the {@code --config} option other commands share. */
package io.egostream.cli.config;
