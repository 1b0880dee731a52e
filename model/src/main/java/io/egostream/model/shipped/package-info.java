/**
 * The trained model EgoStream ships ({@link io.egostream.model.shipped.ShippedModel}): a model directory
 * kept as classpath resources, loaded when {@code model.dir} is empty.
 */
package io.egostream.model.shipped;
