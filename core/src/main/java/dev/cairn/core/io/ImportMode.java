package dev.cairn.core.io;

/** What an import, or a {@link dev.cairn.core.copy.StoreCopy copy}, does with a node whose id the target store holds already. */
public enum ImportMode {
    /** Refuse the whole import, writing nothing: the default, since an import usually goes somewhere new. */
    FAIL,
    /** Leave the stored node as it is and import the rest; its links in the file are still added. */
    SKIP,
    /**
     * Make the stored node hold the file's fields (its creation time stays, its version moves on, an event
     * records what changed; a node that holds them already is left alone, with no event), and add the file's
     * links. From a ToDoWrite tree, whose files name every link of their nodes, the links the store has and the
     * files lack are removed, each with an unlinked event; from a one-file plan they stay.
     */
    UPDATE
}
