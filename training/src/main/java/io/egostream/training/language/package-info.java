/**
 * Language in the loop, on the training side: the open-vocabulary action-recognition experiment (X-MIC
 * style head against a closed-set head and a text-only zero-shot head, at the same budget, on held-out
 * classes and on another dataset's vocabulary) and the text-derived teacher for distillation (actions
 * written as text, embedded, a head predicting the next action; it writes the teacher-logits file the
 * trainers read). Text embeddings come in through {@link io.egostream.training.language.TextEmbedder}, so
 * this package does not depend on the text module; the command line passes the real encoder.
 */
package io.egostream.training.language;
