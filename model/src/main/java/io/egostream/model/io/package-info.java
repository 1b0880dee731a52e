/**
 * Pure-Java NumPy file formats: {@code .npy} arrays ({@link io.egostream.model.io.NpyFormat}) and
 * {@code .npz} archives ({@link io.egostream.model.io.NpzFile}), float32/float64/int32/int64/bool,
 * little-endian. Imports only {@code java.*}.
 */
package io.egostream.model.io;
