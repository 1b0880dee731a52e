/**
 * The three training stages of Hier-EgoPack (model.md section 4) over the Ego4D-format data: single-task,
 * multi-task (shared backbone, per-task batches scaled by dataset size, summed losses in one optimiser
 * step) and EgoPack (frozen prototypes from the support tasks, fresh novel head, trained backbone,
 * projections, interaction GNN and head), with a checkpoint every epoch, exact resume, and a model
 * directory as the result.
 */
package io.egostream.training.run;
