package cn.hlj.remoteeval.tender.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.draw.DrawVariables;

/** The tender's engine port and the draw's delegates name a seat's variables alike, without depending on each other. */
class SeatVariablesUnitTest {

    @Test
    void theLifecycleAndTheDrawAgreeOnTheSeatVariables() {
        assertThat(LifecycleVariables.SEAT).isEqualTo(DrawVariables.SEAT);
        assertThat(LifecycleVariables.EXPERT_ACCEPTED).isEqualTo(DrawVariables.EXPERT_ACCEPTED);
    }
}
