package dev.cairn.core.run;

import dev.cairn.core.CairnException;

/** A Command is being run by another runner, which holds its lease: it was not started again. */
public class CommandBusyException extends CairnException {
    private static final long serialVersionUID = 1L;

    private final transient CommandLease lease;

    public CommandBusyException(CommandLease lease) {
        super(lease.commandId() + " is being run by " + lease.holder() + " (since " + lease.acquiredAt()
                + ", lease until " + lease.expiresAt() + "). Wait for that run to end; a lease left by a runner that "
                + "died expires by itself.");
        this.lease = lease;
    }

    /** The lease that kept this runner out. */
    public CommandLease lease() {
        return lease;
    }
}
