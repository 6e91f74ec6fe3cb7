/**
 * The benchmark of issue 7 ({@code emcc bench}): each figure beside a baseline measured in the
 * same run. No JavaFX here: window start-up and the list filter run in child JVMs (their probes
 * live in {@code dev.emcc.ui}).
 */
package dev.emcc.bench;
