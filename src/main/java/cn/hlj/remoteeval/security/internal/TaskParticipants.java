package cn.hlj.remoteeval.security.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * When a process creates a user task: the groups it is offered to may read that process instance
 * (and no other), so that staff and supervisors see exactly the instances they take part in. The
 * engine itself grants the task to its candidate groups. Runs after the model's own create listeners, which set the groups.
 * When the instance ends, however it ends, the grants on it go: a finished tender is nobody's business
 * in Tasklist, and the authorization table does not grow with every instance ever run.
 */
@Component
class TaskParticipants {

    private static final Object GRANTED = new Object();

    private final AuthorizationService authorizations;
    private final IdentityService identity;

    TaskParticipants(AuthorizationService authorizations, IdentityService identity) {
        this.authorizations = authorizations;
        this.identity = identity;
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void taskCreated(DelegateTask task) {
        Set<String> groups = new LinkedHashSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType())) {
                groups.add(link.getGroupId());
            }
        }
        if (groups.isEmpty() || task.getProcessInstanceId() == null) {
            return;
        }
        // Several tasks of one instance may be created in one command, before any grant is flushed.
        Set<String> granted = grantedInThisTransaction();
        groups.removeIf(group -> !granted.add(group + '\n' + task.getProcessInstanceId()));
        if (groups.isEmpty()) {
            return;
        }
        asTheApplication(() -> {
            for (String group : groups) {
                EngineAuthorizations.grant(authorizations, group, Resources.PROCESS_INSTANCE, task.getProcessInstanceId(),
                        Permissions.READ);
            }
        });
    }

    /**
     * The engine's history event, not an execution listener: Cockpit cancels an instance skipping custom
     * listeners, and the history event is produced inside the command that ends the instance all the same.
     */
    @EventListener
    public void processInstanceEnded(HistoricProcessInstanceEventEntity event) {
        if (!HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
            return;
        }
        asTheApplication(() -> {
            for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.PROCESS_INSTANCE)
                    .resourceId(event.getProcessInstanceId()).list()) {
                authorizations.deleteAuthorization(grant.getId());
            }
        });
    }

    /** The person whose action created or ended the instance's task may not grant or revoke anything; the application does. */
    private void asTheApplication(Runnable work) {
        Authentication actor = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            work.run();
        } finally {
            if (actor != null) {
                identity.setAuthentication(actor);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> grantedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new HashSet<>();
        }
        Object bound = TransactionSynchronizationManager.getResource(GRANTED);
        if (bound instanceof Set<?> set) {
            return (Set<String>) set;
        }
        Set<String> granted = new HashSet<>();
        TransactionSynchronizationManager.bindResource(GRANTED, granted);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(GRANTED);
            }
        });
        return granted;
    }
}
