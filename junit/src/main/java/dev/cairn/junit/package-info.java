/**
 * A JUnit 5 extension giving each test a fresh Cairn store or a DataSource with a location's migrations applied:
 * {@link dev.cairn.junit.CairnTest}, {@link dev.cairn.junit.CairnStore}, {@link dev.cairn.junit.MigratedDataSource}.
 */
package dev.cairn.junit;
