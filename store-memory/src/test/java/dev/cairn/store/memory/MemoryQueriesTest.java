package dev.cairn.store.memory;

import static dev.cairn.store.memory.TestNodes.T0;
import static dev.cairn.store.memory.TestNodes.node;
import static dev.cairn.store.memory.TestNodes.verifying;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.NodeQuery.Sort;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MemoryQueriesTest extends StoreFixture {
    /*
     * GOAL-1 ─┬─ TSK-1 ── CMD-1
     *         └─ TSK-2
     * GOAL-2 ─── TSK-2
     * TSK-3 (no parent)
     */
    @BeforeEach
    void seed() {
        write(tx -> {
            tx.insert(node("GOAL-1").title("Ship the parser").status(Status.IN_PROGRESS).progress(40)
                    .owner("ana").severity(Severity.HIGH).labels("parser", "release")
                    .createdAt(T0.plusSeconds(5)).updatedAt(T0.plusSeconds(50)).build());
            tx.insert(node("GOAL-2").title("Write docs").description("User GUIDE and reference")
                    .owner("bo").workType(WorkType.DOCS).labels("docs")
                    .createdAt(T0.plusSeconds(1)).updatedAt(T0.plusSeconds(60)).build());
            tx.insert(node("TSK-1").title("Lexer").status(Status.COMPLETED).progress(100).owner("ana")
                    .assignee("cy").severity(Severity.LOW).workType(WorkType.IMPLEMENTATION)
                    .labels("parser").createdAt(T0.plusSeconds(3)).updatedAt(T0.plusSeconds(10)).build());
            tx.insert(node("TSK-2").title("Lexer").status(Status.BLOCKED).progress(10).assignee("cy")
                    .workType(WorkType.TEST).labels("parser", "release")
                    .createdAt(T0.plusSeconds(3)).updatedAt(T0.plusSeconds(20)).build());
            tx.insert(node("TSK-3").title("Benchmarks").progress(10).createdAt(T0.plusSeconds(2))
                    .updatedAt(T0.plusSeconds(30)).build());
            tx.insert(node("CMD-1").title("Run the lexer tests").status(Status.IN_PROGRESS).command(verifying("AC-9"))
                    .createdAt(T0.plusSeconds(4)).updatedAt(T0.plusSeconds(40)).build());
            tx.insertLink(new Link("GOAL-1", "TSK-1"));
            tx.insertLink(new Link("GOAL-1", "TSK-2"));
            tx.insertLink(new Link("GOAL-2", "TSK-2"));
            tx.insertLink(new Link("TSK-1", "CMD-1"));
        });
    }

    private List<String> ids(NodeQuery query) {
        return find(query).stream().map(Node::id).toList();
    }

    @Nested
    class Filters {
        @Test
        void allFindsEveryNodeSortedById() {
            assertThat(ids(NodeQuery.all())).containsExactly("CMD-1", "GOAL-1", "GOAL-2", "TSK-1", "TSK-2", "TSK-3");
        }

        @Test
        void layerAndStatusMatchAnyOfTheirValues() {
            assertThat(ids(NodeQuery.layer(Layer.GOAL, Layer.COMMAND))).containsExactly("CMD-1", "GOAL-1", "GOAL-2");
            assertThat(ids(NodeQuery.all().status(Status.BLOCKED, Status.COMPLETED))).containsExactly("TSK-1", "TSK-2");
            assertThat(ids(NodeQuery.layer(Layer.TASK).status(Status.PLANNED))).containsExactly("TSK-3");
        }

        @Test
        void ownerAndAssigneeMatchExactly() {
            assertThat(ids(NodeQuery.all().owner("ana"))).containsExactly("GOAL-1", "TSK-1");
            assertThat(ids(NodeQuery.all().assignee("cy").owner("ana"))).containsExactly("TSK-1");
            assertThat(ids(NodeQuery.all().owner("Ana"))).isEmpty();
        }

        @Test
        void severityAndWorkTypeLeaveOutNodesWithout() {
            assertThat(ids(NodeQuery.all().severity(Severity.HIGH, Severity.LOW))).containsExactly("GOAL-1", "TSK-1");
            assertThat(ids(NodeQuery.all().workType(WorkType.DOCS, WorkType.TEST))).containsExactly("GOAL-2", "TSK-2");
        }

        @Test
        void anyLabelMatchesOneOfThemAndAllLabelsEveryOne() {
            assertThat(ids(NodeQuery.all().withAnyLabel("docs", "release")))
                    .containsExactly("GOAL-1", "GOAL-2", "TSK-2");
            assertThat(ids(NodeQuery.all().withAllLabels("parser", "release"))).containsExactly("GOAL-1", "TSK-2");
            assertThat(ids(NodeQuery.all().withAllLabels("parser", "unknown"))).isEmpty();
            assertThat(ids(NodeQuery.layer(Layer.TASK).withAnyLabel("parser").withAllLabels("release")))
                    .containsExactly("TSK-2");
        }

        @Test
        void textMatchesTitleOrDescriptionIgnoringCase() {
            assertThat(ids(NodeQuery.all().text("LEXER"))).containsExactly("CMD-1", "TSK-1", "TSK-2");
            assertThat(ids(NodeQuery.all().text("guide"))).containsExactly("GOAL-2");
            assertThat(ids(NodeQuery.all().text("nowhere"))).isEmpty();
        }

        @Test
        void parentOfFindsTheParentsAndChildOfTheChildren() {
            assertThat(ids(NodeQuery.all().parentOf("TSK-2"))).containsExactly("GOAL-1", "GOAL-2");
            assertThat(ids(NodeQuery.all().childOf("GOAL-1"))).containsExactly("TSK-1", "TSK-2");
            assertThat(ids(NodeQuery.all().childOf("GOAL-1").status(Status.BLOCKED))).containsExactly("TSK-2");
            assertThat(ids(NodeQuery.all().parentOf("TSK-2").childOf("GOAL-1"))).isEmpty();
            assertThat(ids(NodeQuery.all().childOf("TSK-404"))).isEmpty();
        }

        @Test
        void withoutParentsFindsRootsAndOrphans() {
            assertThat(ids(NodeQuery.all().withoutParents())).containsExactly("GOAL-1", "GOAL-2", "TSK-3");
            assertThat(ids(NodeQuery.layer(Layer.TASK).withoutParents())).containsExactly("TSK-3");
        }

        @Test
        void countMatchesFindAndIgnoresThePage() {
            NodeQuery query = NodeQuery.all().withAnyLabel("parser").offset(1).limit(1);
            assertThat(count(query)).isEqualTo(3);
            assertThat(count(NodeQuery.all().childOf("GOAL-1").text("lexer"))).isEqualTo(2);
            assertThat(count(NodeQuery.all())).isEqualTo(6);
        }
    }

    @Nested
    class SortAndPage {
        @Test
        void eachSortKeyOrdersWithTiesBrokenById() {
            assertThat(ids(NodeQuery.all().sortBy(Sort.TITLE)))
                    .containsExactly("TSK-3", "TSK-1", "TSK-2", "CMD-1", "GOAL-1", "GOAL-2");
            assertThat(ids(NodeQuery.all().sortBy(Sort.LAYER)))
                    .containsExactly("GOAL-1", "GOAL-2", "TSK-1", "TSK-2", "TSK-3", "CMD-1");
            assertThat(ids(NodeQuery.all().sortBy(Sort.STATUS)))
                    .containsExactly("GOAL-2", "TSK-3", "CMD-1", "GOAL-1", "TSK-1", "TSK-2");
            assertThat(ids(NodeQuery.all().sortBy(Sort.PROGRESS)))
                    .containsExactly("CMD-1", "GOAL-2", "TSK-2", "TSK-3", "GOAL-1", "TSK-1");
            assertThat(ids(NodeQuery.all().sortBy(Sort.CREATED_AT)))
                    .containsExactly("GOAL-2", "TSK-3", "TSK-1", "TSK-2", "CMD-1", "GOAL-1");
            assertThat(ids(NodeQuery.all().sortBy(Sort.UPDATED_AT)))
                    .containsExactly("TSK-1", "TSK-2", "TSK-3", "CMD-1", "GOAL-1", "GOAL-2");
        }

        @Test
        void descendingTurnsThePrimaryKeyButKeepsTheIdTieBreakAscending() {
            assertThat(ids(NodeQuery.all().sortBy(Sort.LAYER).descending()))
                    .containsExactly("CMD-1", "TSK-1", "TSK-2", "TSK-3", "GOAL-1", "GOAL-2");
            assertThat(ids(NodeQuery.all().sortBy(Sort.TITLE).descending()))
                    .containsExactly("GOAL-2", "GOAL-1", "CMD-1", "TSK-1", "TSK-2", "TSK-3");
            assertThat(ids(NodeQuery.all().descending()))
                    .containsExactly("TSK-3", "TSK-2", "TSK-1", "GOAL-2", "GOAL-1", "CMD-1");
        }

        @Test
        void offsetAndLimitCutOnePageOfTheSortedResult() {
            assertThat(ids(NodeQuery.all().offset(1).limit(2))).containsExactly("GOAL-1", "GOAL-2");
            assertThat(ids(NodeQuery.all().offset(4).limit(10))).containsExactly("TSK-2", "TSK-3");
            assertThat(ids(NodeQuery.all().offset(6))).isEmpty();
            assertThat(ids(NodeQuery.all().offset(100).limit(5))).isEmpty();
            assertThat(ids(NodeQuery.all().limit(1).sortBy(Sort.PROGRESS).descending())).containsExactly("TSK-1");
        }

        @Test
        void aPageOfManyMatchesIsTheSameSliceOfTheFullSortForEveryOrder() {
            write(tx -> {
                for (int index = 0; index < 3_000; index++) {
                    tx.insert(node("SUB-" + index).title("Title " + index % 13).progress(index * 7 % 101)
                            .status(Status.values()[index % Status.values().length])
                            .createdAt(T0.plusSeconds(index % 17)).updatedAt(T0.plusSeconds(index % 19)).build());
                }
            });
            for (Sort sort : Sort.values()) {
                NodeQuery ascending = NodeQuery.all().sortBy(sort);
                for (NodeQuery query : List.of(ascending, ascending.descending())) {
                    List<Node> full = find(query);
                    assertThat(full).hasSize(3_006).isSortedAccordingTo(MemoryQueries.order(query));
                    assertThat(find(query.offset(20).limit(30))).as("%s", query)
                            .isEqualTo(full.subList(20, 50));
                    assertThat(find(query.offset(950).limit(50))).as("%s, the deepest page from the heap", query)
                            .isEqualTo(full.subList(950, 1_000));
                    assertThat(find(query.offset(900).limit(700))).as("%s, past the heap", query)
                            .isEqualTo(full.subList(900, 1_600));
                    assertThat(find(query.offset(2_990).limit(10))).as("%s, near the end", query)
                            .isEqualTo(full.subList(2_990, 3_000));
                }
            }
        }
    }

    @Nested
    class Walks {
        @Test
        void descendantsAndAncestorsWalkEveryLevelOnce() {
            assertThat(descendants("GOAL-1")).extracting(Node::id).containsExactly("TSK-1", "TSK-2", "CMD-1");
            assertThat(ancestors("CMD-1")).extracting(Node::id).containsExactly("TSK-1", "GOAL-1");
            assertThat(ancestors("TSK-2")).extracting(Node::id).containsExactlyInAnyOrder("GOAL-1", "GOAL-2");
            assertThat(descendants("TSK-3")).isEmpty();
            assertThat(descendants("TSK-404")).isEmpty();
        }

        @Test
        void descendantLinksAreEveryLinkBelowTheNode() {
            assertThat(descendantLinks("GOAL-1")).containsExactlyInAnyOrder(new Link("GOAL-1", "TSK-1"),
                    new Link("GOAL-1", "TSK-2"), new Link("TSK-1", "CMD-1"));
            assertThat(descendantLinks("TSK-2")).isEmpty();
        }

        @Test
        void aDiamondIsWalkedOnce() {
            write(tx -> {
                tx.insert(node("PH-1").build());
                tx.insertLink(new Link("GOAL-1", "PH-1"));
                tx.insertLink(new Link("PH-1", "TSK-1"));
            });

            assertThat(descendants("GOAL-1")).extracting(Node::id).containsExactly("PH-1", "TSK-1", "TSK-2", "CMD-1");
            assertThat(descendantLinks("GOAL-1")).hasSize(5).doesNotHaveDuplicates();
            assertThat(ancestors("CMD-1")).extracting(Node::id).containsExactly("TSK-1", "GOAL-1", "PH-1");
        }
    }
}
