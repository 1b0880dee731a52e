/**
 * Open-vocabulary recognition at inference time: {@link io.egostream.text.openvocab.OpenVocabularyClassifier}
 * scores video features against any list of label strings (embedded once with the text encoder through the
 * model's prompt template), with a head trained by {@code egostream train open-vocab}; the label set can change
 * while running, without retraining.
 */
package io.egostream.text.openvocab;
