/**
 * Offline sentence embeddings for EgoStream.
 *
 * <p>{@link io.egostream.text.TextEncoder} turns texts (class names, prompts, action sequences written
 * as text) into 384-d unit vectors with sentence-transformers all-MiniLM-L6-v2. The model runs on
 * DJL's OnnxRuntime engine from files shipped inside a Maven artifact; nothing is downloaded.
 */
package io.egostream.text;
