package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine side of a hosting's life, in the transaction of the message that changed it: the partner's
 * acceptance starts the hosted session's process (once per hosting), its cancellation and its receipt of
 * the A/V material are correlated to it by the hosting id, the process's business key; a move ends it too,
 * so that the acceptance of the session re-offered for the new slot starts it with the new day.
 */
@Component
class HostedSessionLifecycle {

    private final HostedSessions sessions;
    private final RuntimeService runtime;

    HostedSessionLifecycle(HostedSessions sessions, RuntimeService runtime) {
        this.sessions = sessions;
        this.runtime = runtime;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(HostingAccepted event) {
        boolean started = runtime.createProcessInstanceQuery().processDefinitionKey(HostedSessions.PROCESS)
                .processInstanceBusinessKey(event.hostingId()).count() > 0;
        if (!started) {
            runtime.startProcessInstanceByKey(HostedSessions.PROCESS, event.hostingId(),
                    sessions.processVariables(event.hostingId()));
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(HostingCancelled event) {
        runtime.createMessageCorrelation(HostedSessionVariables.MESSAGE_CANCELLED)
                .processInstanceBusinessKey(event.hostingId()).correlateAll();
    }

    /** The day's timer was set for the old slot: the process ends, and the partner's acceptance of the session re-offered for the new slot starts it again. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(HostingMoved event) {
        runtime.createMessageCorrelation(HostedSessionVariables.MESSAGE_CANCELLED)
                .processInstanceBusinessKey(event.hostingId()).correlateAll();
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(HostedMaterialReceipted event) {
        runtime.createMessageCorrelation(HostedSessionVariables.MESSAGE_RECEIPTED)
                .processInstanceBusinessKey(event.hostingId()).correlateAll();
    }
}
