/** {@code egostream nms}: non-maximum suppression of an ActivityNet results file ({@code io.egostream.model.nms}). */
package io.egostream.cli.nms;
