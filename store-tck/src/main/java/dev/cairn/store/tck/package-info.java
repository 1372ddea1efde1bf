/**
 * The store contract suite: extend {@link dev.cairn.store.tck.StoreContractTest}, supply a fresh store,
 * and a backend is tested against every rule the other backends keep.
 *
 * <p><b>Stability:</b> evolving with the store SPI until 1.0. New tests arrive with new rules; a store
 * that kept the contract before keeps compiling against the suite.
 */
package dev.cairn.store.tck;
