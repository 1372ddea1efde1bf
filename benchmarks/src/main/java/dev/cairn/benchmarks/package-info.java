/**
 * JMH benchmarks of Cairn, each beside a baseline measured in the same run, and {@link
 * dev.cairn.benchmarks.RatioTable}, which prints their ratios. Not published; run them with
 * {@code benchmarks/run}.
 */
package dev.cairn.benchmarks;
