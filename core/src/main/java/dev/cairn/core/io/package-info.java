/**
 * Reading and writing plans as files: import and export.
 *
 * <p>{@link dev.cairn.core.io.PlanExport} writes a plan as one YAML or JSON file (labels, nodes, links and the
 * whole history, streamed) or as a ToDoWrite tree of one YAML file a node; {@link dev.cairn.core.io.PlanImport}
 * reads either back. An import checks everything first and reports every problem with its file, line, field,
 * value and rule ({@link dev.cairn.core.io.ImportException}); then it writes all of it in one transaction, or
 * nothing. {@link dev.cairn.core.io.ImportMode} says what happens to nodes the store holds already; a dry run
 * reports what would change.
 *
 * <p>Beside it: {@link dev.cairn.core.copy} copies a plan from store to store, {@link dev.cairn.core.doctor}
 * checks and repairs one, {@link dev.cairn.core.trace} reports its traceability.
 */
package dev.cairn.core.io;
