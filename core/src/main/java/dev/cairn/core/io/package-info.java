/**
 * Reading and writing plans, and looking at them whole.
 *
 * <p><b>Import and export.</b> {@link dev.cairn.core.io.PlanExport} writes a plan as one YAML or JSON file
 * (labels, nodes, links and the whole history, streamed) or as a ToDoWrite tree of one YAML file a node;
 * {@link dev.cairn.core.io.PlanImport} reads either back. An import checks everything first and reports every
 * problem with its file, line, field, value and rule ({@link dev.cairn.core.io.ImportException}); then it
 * writes all of it in one transaction, or nothing. {@link dev.cairn.core.io.ImportMode} says what happens to
 * nodes the store holds already; a dry run reports what would change.
 *
 * <p><b>Checking and tracing.</b> {@link dev.cairn.core.io.Doctor} examines a plan for orphans, Commands
 * without AcceptanceCriteria, and the values another tool may have written past Cairn's rules (unknown
 * statuses, progress out of range, links against the layer order or with a missing end), and repairs the
 * safe ones on request, each with an event. {@link dev.cairn.core.io.Traceability} reports the coverage of
 * Requirements → AcceptanceCriteria → Commands and writes ToDoWrite's {@code trace.csv} and
 * {@code graph.json}.
 */
package dev.cairn.core.io;
