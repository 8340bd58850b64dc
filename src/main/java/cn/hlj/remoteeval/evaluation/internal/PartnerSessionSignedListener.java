package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.evaluation.PartnerSessionSigned;

/**
 * A partner reported its session signed: in the transaction that records it, the evaluation day's
 * instance waiting for that session moves on. An instance not waiting yet finds the session signed
 * when it gets there, so a report matching no wait changes nothing here.
 */
@Component
class PartnerSessionSignedListener {

    private final RuntimeService runtime;

    PartnerSessionSignedListener(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(PartnerSessionSigned event) {
        runtime.createMessageCorrelation(EvaluationVariables.MESSAGE_PARTNER_SESSION_SIGNED)
                .processInstanceBusinessKey(event.tenderId())
                .localVariableEquals(EvaluationVariables.PARTNER_SESSION_REF, event.sessionRef()).correlateAll();
    }
}
