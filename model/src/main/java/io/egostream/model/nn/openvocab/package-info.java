/**
 * The open-vocabulary action-recognition head (X-MIC style, CVPR 2024): class weights are the frozen text
 * embeddings of the class names written into a prompt template, adapted per video instance by a small
 * network conditioned on the video feature, and compared with the projected video feature by cosine
 * similarity scaled by a learned temperature. The label set is an input of the forward, so a model trained
 * on one vocabulary scores any other without retraining. Text embeddings are computed outside this package
 * (module {@code text}); here they are {@code [C, E]} arrays.
 */
package io.egostream.model.nn.openvocab;
