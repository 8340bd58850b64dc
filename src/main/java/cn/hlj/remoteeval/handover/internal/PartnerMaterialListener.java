package cn.hlj.remoteeval.handover.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.crossprovince.PartnerMaterialArrived;

/**
 * A partner's A/V material arrived through the exchange: in the transaction that keeps it, the session's
 * hand-over is recorded as handed over and its leg, if it waits for the message, moves on to the main
 * venue's receipt. A leg that has not reached its wait yet finds the hand-over handed over and goes
 * straight to the receipt; one not opened yet applies the material when it opens.
 */
@Component
class PartnerMaterialListener {

    static final String MESSAGE = "PartnerMaterialArrived";

    private final HandoverService handovers;
    private final RuntimeService runtime;

    PartnerMaterialListener(HandoverService handovers, RuntimeService runtime) {
        this.handovers = handovers;
        this.runtime = runtime;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PartnerMaterialArrived event) {
        handovers.partnerMaterialArrived(event.tenderId(), event.sessionRef()).ifPresent(handoverId -> runtime
                .createMessageCorrelation(MESSAGE).processInstanceVariableEquals(HandoverVariables.HANDOVER_ID, handoverId)
                .correlateAll());
    }
}
