package dev.cairn.samples.plan;

import dev.cairn.core.Cairn;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.PlanTree;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /plan}: every tree of the plan; {@code GET /plan/{id}}: the tree under one node, 404 for an
 * unknown id. */
@RestController
class PlanController {
    private final Cairn cairn;

    PlanController(Cairn cairn) {
        this.cairn = cairn;
    }

    @GetMapping("/plan")
    List<PlanNode> plan() {
        return cairn.forest().stream().map(PlanNode::of).toList();
    }

    @GetMapping("/plan/{id}")
    PlanNode tree(@PathVariable("id") String id) {
        return PlanNode.of(cairn.tree(id));
    }

    @ExceptionHandler(NoSuchNodeException.class)
    ResponseEntity<String> notFound(NoSuchNodeException missing) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(missing.getMessage());
    }

    /** One node as the endpoint shows it, with its rolled-up progress and its children. */
    record PlanNode(String id, String layer, String title, String status, String owner, double progress,
                    List<PlanNode> children) {
        static PlanNode of(PlanTree tree) {
            return new PlanNode(tree.node().id(), tree.node().layer().displayName(), tree.node().title(),
                    tree.node().status().wireName(), tree.node().owner(), tree.rolledUpProgress(),
                    tree.children().stream().map(PlanNode::of).toList());
        }
    }
}
