package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.Groups;

/**
 * Every task of a hosted session, on creation: offered to the session's anonymous engine group, which the
 * staff of the hosting center hold while they host it ({@code security.VenueSessionHosting}), as a local
 * sub-venue's duties are. No variable, identity link or authorization names the hosting center.
 */
@Component("hostedSessionStaff")
class HostedSessionStaffListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        Object sessionCode = task.getVariable(HostedSessionVariables.SESSION_CODE);
        if (sessionCode == null) {
            throw new IllegalStateException("a hosted session's task needs variable " + HostedSessionVariables.SESSION_CODE);
        }
        task.addCandidateGroup(Groups.venueSession(sessionCode.toString()));
    }
}
