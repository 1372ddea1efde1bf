/**
 * Schema snapshots: what a live database holds (tables, columns, constraints, indexes, views, triggers,
 * sequences, routines), normalised so that two databases built by the same migrations compare equal, and
 * written and read as JSON. Every type here is an immutable value and thread-safe.
 */
package dev.cairn.migrations.schema;
