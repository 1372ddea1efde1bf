/**
 * The store SPI: what a backend implements to keep a Cairn plan.
 *
 * <p><b>Stability:</b> evolving until 1.0. New methods arrive as {@code default} methods so that an
 * existing store keeps compiling; a change that breaks a store is named in {@code CHANGES.md}. Stores
 * are plain persistence plus the queries that must run in the database; every rule (validation, status
 * transitions, events, roll-up) lives in {@link dev.cairn.core.Cairn}, above the store, so that every
 * backend behaves alike. A store proves itself by extending the contract suite in
 * {@code dev.cairn:cairn-store-tck}.
 */
package dev.cairn.core.spi;
