/**
 * The training commands: {@code egostream benchmark generate}, {@code egostream train single|multi|egopack}
 * and {@code egostream eval model}.
 */
package io.egostream.cli.train;
