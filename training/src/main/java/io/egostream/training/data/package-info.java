/**
 * Ego4D-format data: the annotation files ({@code moments_<split>.json}, {@code fho_oscc-pnr_<split>.json},
 * {@code fho_lta_<split>.json}, evaluation.md section 7) over a directory with one feature file per video
 * ({@code <video_uid>.npy}, {@code .npz} or {@code .safetensors}, {@code [T, C]}), turned into the
 * per-task samples of Hier-EgoPack (model.md section 1): AR and LTA from the LTA actions, OSCC and PNR
 * from the state-change clips, MQ from the moments. Bad inputs raise {@link
 * io.egostream.training.data.DataException} naming the file.
 */
package io.egostream.training.data;
