package dev.cairn.core.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.spi.StoredDrift;
import dev.cairn.core.spi.StoredDrift.Problem;
import org.junit.jupiter.api.Test;

/** Which stored values the doctor rewrites, and to what: only what reads unambiguously. */
class DoctorRepairTest {
    private static String repaired(String nodeId, String field, String stored, Problem problem) {
        return Doctor.repairedValue(new StoredDrift(nodeId, field, stored, problem)).orElse(null);
    }

    @Test
    void statusesSpelledAnotherWayAreRewrittenToTheirWireName() {
        assertThat(repaired("TSK-1", StoredDrift.STATUS, "In Progress", Problem.UNKNOWN_VALUE)).isEqualTo("in_progress");
        assertThat(repaired("TSK-1", StoredDrift.STATUS, "in-progress", Problem.UNKNOWN_VALUE)).isEqualTo("in_progress");
        assertThat(repaired("TSK-1", StoredDrift.STATUS, " COMPLETED ", Problem.UNKNOWN_VALUE)).isEqualTo("completed");
    }

    @Test
    void statusesNothingReadsFromAreLeftAlone() {
        assertThat(repaired("TSK-1", StoredDrift.STATUS, "done", Problem.UNKNOWN_VALUE)).isNull();
        assertThat(repaired("TSK-1", StoredDrift.STATUS, "", Problem.UNKNOWN_VALUE)).isNull();
    }

    @Test
    void severitiesWorkTypesAndLayersUseTheirOwnLenientParsers() {
        assertThat(repaired("TSK-1", StoredDrift.SEVERITY, "Med", Problem.UNKNOWN_VALUE)).isEqualTo("medium");
        assertThat(repaired("TSK-1", StoredDrift.WORK_TYPE, "development", Problem.UNKNOWN_VALUE))
                .isEqualTo("implementation");
        assertThat(repaired("AC-1", StoredDrift.LAYER, "acceptance_criteria", Problem.UNKNOWN_VALUE))
                .isEqualTo("AcceptanceCriteria");
    }

    @Test
    void aLayerThatWouldDisagreeWithTheIdsPrefixIsLeftAlone() {
        assertThat(repaired("TSK-1", StoredDrift.LAYER, "acceptance_criteria", Problem.UNKNOWN_VALUE)).isNull();
    }

    @Test
    void progressIsClampedAndACompletedNodesSetTo100() {
        assertThat(repaired("TSK-1", StoredDrift.PROGRESS, "140", Problem.OUT_OF_RANGE)).isEqualTo("100");
        assertThat(repaired("TSK-1", StoredDrift.PROGRESS, "-5", Problem.OUT_OF_RANGE)).isEqualTo("0");
        assertThat(repaired("TSK-1", StoredDrift.PROGRESS, "60", Problem.COMPLETED_NOT_100)).isEqualTo("100");
    }

    @Test
    void linksAreNeverRepaired() {
        assertThat(repaired("GOAL-1", StoredDrift.PARENT, "TSK-1", Problem.AGAINST_LAYER_ORDER)).isNull();
        assertThat(repaired("TSK-1", StoredDrift.PARENT, "GOAL-GONE", Problem.PARENT_MISSING)).isNull();
        assertThat(repaired("TSK-GONE", StoredDrift.PARENT, "GOAL-1", Problem.CHILD_MISSING)).isNull();
    }
}
