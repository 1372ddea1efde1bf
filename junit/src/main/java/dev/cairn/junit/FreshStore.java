package dev.cairn.junit;

import dev.cairn.core.Cairn;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A test's store and what removes it once closed. */
record FreshStore(Cairn cairn, Runnable removal) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
        try {
            cairn.close();
        } finally {
            removal.run();
        }
    }
}
