/**
 * Traceability of a plan: {@link dev.cairn.core.trace.Traceability} reports the coverage of Requirements →
 * AcceptanceCriteria → Commands ({@link dev.cairn.core.trace.TraceReport}) and writes ToDoWrite's
 * {@code trace.csv} and {@code graph.json}.
 */
package dev.cairn.core.trace;
