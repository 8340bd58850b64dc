package cn.hlj.remoteeval.crossprovince.hosting;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/** The hosted session's confirmation duties (工位准备, 音视频连接调试, 专家就餐住宿, 专家身份验证), on completion. */
@Component("hostedDutyDone")
class HostedDutyDoneListener implements TaskListener {

    private final HostedSessions sessions;

    HostedDutyDoneListener(HostedSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            sessions.dutyDone(EngineActors.hostingId(task), task.getTaskDefinitionKey(), task::getVariable,
                    EngineActors.completedBy(task));
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }
}
