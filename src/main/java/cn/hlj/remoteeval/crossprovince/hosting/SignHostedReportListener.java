package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/** Task 评标报告签署 of a hosted session, on completion: recorded and announced as {@link HostedReportSigned}. */
@Component("signHostedReport")
class SignHostedReportListener implements TaskListener {

    private final HostedSessions sessions;

    SignHostedReportListener(HostedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            sessions.reportSigned(EngineActors.hostingId(task), task.getVariable(HostedSessionVariables.REPORT_SIGNED),
                    EngineActors.completedBy(task));
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }
}
