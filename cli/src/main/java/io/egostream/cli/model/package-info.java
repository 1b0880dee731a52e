/** The {@code egostream model} commands: counts, import and export of official checkpoints, offline forward. */
package io.egostream.cli.model;
