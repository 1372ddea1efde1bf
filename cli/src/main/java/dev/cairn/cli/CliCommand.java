package dev.cairn.cli;

import dev.cairn.core.Cairn;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** What every command shares: the root's store, output and environment. */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (UsageException usage) {
            throw new ParameterException(spec.commandLine(), usage.getMessage(), usage);
        }
    }

    /** Does the command's work; returns the exit code, or throws and lets {@link Failures} say why. */
    abstract int run();

    final CairnCommand root() {
        return (CairnCommand) spec.root().userObject();
    }

    /**
     * Whether the command changes the store, so that a store that is not there is made, as {@code init} and every
     * change do. A command that only reads (the default) makes no file and no folder: a missing SQLite or H2 file
     * is exit 3, {@code no store at PATH}, not an empty plan.
     */
    boolean createsStore() {
        return false;
    }

    final Cairn cairn() {
        return root().cairn(createsStore());
    }

    final Output output() {
        return root().output();
    }

    final CliEnvironment environment() {
        return root().environment();
    }
}
