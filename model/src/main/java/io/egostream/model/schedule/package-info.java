/**
 * Pure-Java bookkeeping of the incremental (streaming) evaluation of the Hier-EgoPack backbone: which
 * node of which level becomes final after which frame ({@link io.egostream.model.schedule.Frontier}),
 * node timestamps ({@link io.egostream.model.schedule.NodeTiming}), the sliding windows of the task
 * heads ({@link io.egostream.model.schedule.WindowPlan}) and the receptive field a rebuild needs
 * ({@link io.egostream.model.schedule.ReceptiveField}). Imports only {@code java.*}.
 */
package io.egostream.model.schedule;
