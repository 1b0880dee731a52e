/**
 * Pure-Java temporal graph structure of the Hier-EgoPack backbone: node sets per level, radius edges as
 * torch_cluster computes them, the mean time pooling, and slot plans (weighted gathers) that the DJL
 * blocks turn into dense tensor ops. Imports only {@code java.*}.
 */
package io.egostream.model.graph;
