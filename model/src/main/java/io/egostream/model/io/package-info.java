/**
 * Pure-Java tensor file formats: {@code .npy} arrays ({@link io.egostream.model.io.NpyFormat}),
 * {@code .npz} archives ({@link io.egostream.model.io.NpzFile}) and {@code .safetensors} files
 * ({@link io.egostream.model.io.SafetensorsFile}), float32/float64/int32/int64/bool,
 * little-endian. Imports only {@code java.*}.
 */
package io.egostream.model.io;
