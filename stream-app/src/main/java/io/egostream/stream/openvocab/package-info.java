/**
 * Open-vocabulary labels on live AR events: {@link io.egostream.stream.openvocab.OpenVocabularyInference}
 * wraps the analyzer's inference and adds the best of the operator's configured labels
 * ({@code model.open-vocabulary-labels}) to every AR result, scored by an open-vocabulary head
 * ({@code model.open-vocabulary-dir}) on the mean feature of the AR window.
 */
package io.egostream.stream.openvocab;
