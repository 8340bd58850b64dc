package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/** User task 评标报告签署, on completion: collects the e-signature of every expert seated at the session. */
@Component("signReport")
class SignReportListener implements TaskListener {

    private final EvaluationDayService days;

    SignReportListener(EvaluationDayService days) {
        this.days = days;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("reportSigned"))) {
            throw new TaskInputRefused("请确认本场次在席专家已签署评标报告");
        }
        try {
            days.signReport(task.getExecution().getProcessBusinessKey(),
                    (String) task.getVariable(EvaluationVariables.SESSION_CODE), Actors.completedBy(task));
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }
}
