/** {@code egostream bench ...}: benchmarks that write measured numbers (never timed tests). */
package io.egostream.cli.bench;
