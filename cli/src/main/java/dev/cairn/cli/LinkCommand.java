package dev.cairn.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cairn link PARENT CHILD}. */
@Command(name = "link",
        description = "Links a parent to a child. The parent's layer must come before the child's (layers may be "
                + "skipped); a node may have several parents.",
        footerHeading = "%nExample:%n", footer = "  cairn link R-IMPORT TSK-PARSER")
final class LinkCommand extends CliCommand {
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
        cairn().link(parentId, childId);
        output().emit(link(parentId, childId), out -> out.println("Linked " + parentId + " -> " + childId));
        return ExitCodes.OK;
    }

    static Map<String, Object> link(String parentId, String childId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("parentId", parentId);
        data.put("childId", childId);
        return data;
    }
}
