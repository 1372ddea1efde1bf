package dev.cairn.samples.plan;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.Status;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes a small plan into an empty store, so that the first start has something to show, its work owned by the
 * team members of the application's own {@code members} table (which Cairn's engine made before this bean).
 */
@Component
class PlanSeeder implements ApplicationRunner {
    private final Cairn cairn;
    private final List<String> members;

    PlanSeeder(Cairn cairn, JdbcTemplate jdbc) {
        this.cairn = cairn;
        this.members = jdbc.queryForList("SELECT login FROM members ORDER BY login", String.class);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!cairn.roots().isEmpty()) {
            return;
        }
        cairn.useTransaction(plan -> {
            Node goal = plan.create(NodeDraft.of(Layer.GOAL, "Ship the plan service"));
            Node phase = plan.create(NodeDraft.of(Layer.PHASE, "First release").parents(goal.id()));
            Node api = plan.create(NodeDraft.of(Layer.TASK, "Serve the plan over REST").parents(phase.id())
                    .owner(members.get(0)));
            plan.create(NodeDraft.of(Layer.TASK, "Write the README").parents(phase.id()).owner(members.get(1)));
            plan.setStatus(api.id(), Status.IN_PROGRESS);
            plan.setStatus(api.id(), Status.COMPLETED);
        });
    }
}
