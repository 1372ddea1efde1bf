package dev.cairn.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn unlink PARENT CHILD}. */
@Command(name = "unlink", description = "Removes the link from a parent to a child; both nodes stay.",
        footerHeading = "%nExample:%n", footer = "  cairn unlink R-IMPORT TSK-XML")
final class UnlinkCommand extends CliCommand {
    @Parameters(index = "0", paramLabel = "PARENT", description = "The parent's id.")
    String parentId;

    @Parameters(index = "1", paramLabel = "CHILD", description = "The child's id.")
    String childId;

    @Override
    boolean createsStore() {
        return true;
    }

    @Override
    int run() {
        cairn().unlink(parentId, childId);
        output().emit(LinkCommand.link(parentId, childId),
                out -> out.println("Unlinked " + parentId + " -> " + childId));
        return ExitCodes.OK;
    }
}
