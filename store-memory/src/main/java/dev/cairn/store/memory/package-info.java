/**
 * The in-memory reference store, scheme {@code memory}: every node, link, label, event, command run and
 * lease kept in the heap, for tests and scratch work. {@code memory:} opens a private store;
 * {@code memory:NAME} one shared by name inside the JVM until
 * {@link dev.cairn.store.memory.MemoryStoreProvider#drop(String)}.
 *
 * <p>Only {@link dev.cairn.store.memory.MemoryStoreProvider} is public; the rest is reached through the
 * {@link dev.cairn.core.spi.Store} SPI.
 */
package dev.cairn.store.memory;
