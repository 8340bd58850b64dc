package cn.hlj.remoteeval.security.internal;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
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
 * The grants need no revoking here: the engine deletes every authorization on a process instance when the instance
 * ends, however it ends (EngineAuthorizationIntegrationTest holds it to that).
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
        // The person whose action created the task may not grant anything; the application does.
        Authentication actor = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            for (String group : groups) {
                EngineAuthorizations.grant(authorizations, group, Resources.PROCESS_INSTANCE, task.getProcessInstanceId(),
                        Permissions.READ);
            }
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
