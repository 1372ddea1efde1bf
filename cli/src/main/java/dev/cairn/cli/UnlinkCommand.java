package dev.cairn.cli;

import dev.cairn.core.InvalidLinkException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn unlink PARENT CHILD}. */
@Command(name = "unlink", description = "Removes the link from a parent to a child; both nodes stay. A link that "
        + "is not there is not found (exit 3).",
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
        try {
            cairn().unlink(parentId, childId);
        } catch (InvalidLinkException missing) {
            // Removing what is not there is "not found", as for a label: not a rule broken.
            throw new NotFoundException(missing.getMessage());
        }
        output().emit(LinkCommand.link(parentId, childId),
                out -> out.println("Unlinked " + parentId + " -> " + childId));
        return ExitCodes.OK;
    }
}
