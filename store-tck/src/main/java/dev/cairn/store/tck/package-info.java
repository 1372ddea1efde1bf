/**
 * The store contract suite. A backend implements one {@link dev.cairn.store.tck.StoreFixture} (a
 * {@link dev.cairn.store.tck.SqlStoreFixture} for a SQL store), which names, opens and reopens its stores and
 * declares their capabilities; then it extends each contract class with a short class that hands it the
 * fixture, and is tested against every rule the other backends keep. The store's own contract is split by
 * concern ({@link dev.cairn.store.tck.NodesContractTest}, {@link dev.cairn.store.tck.LinksContractTest},
 * {@link dev.cairn.store.tck.QueriesContractTest}, … on {@link dev.cairn.store.tck.AbstractStoreContractTest});
 * copy, doctor, import and export, command runs, and for SQL stores their tables and upgrades, have a class
 * each.
 *
 * <p><b>Stability:</b> evolving with the store SPI until 1.0. New tests arrive with new rules; a store
 * that kept the contract before keeps compiling against the suite.
 */
package dev.cairn.store.tck;
