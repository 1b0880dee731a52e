/** Video-text commands: {@code egostream train video-text} and {@code egostream search}. */
package io.egostream.cli.videotext;
