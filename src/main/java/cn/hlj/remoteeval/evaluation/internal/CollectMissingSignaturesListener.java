package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/** User task 补签评标报告 of the main venue, on completion: collects the signatures of the seats still missing. */
@Component("collectMissingSignatures")
class CollectMissingSignaturesListener implements TaskListener {

    private final EvaluationDayService days;

    CollectMissingSignaturesListener(EvaluationDayService days) {
        this.days = days;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("missingSignaturesCollected"))) {
            throw new TaskInputRefused("请确认缺签席位的专家已补签评标报告");
        }
        days.collectMissingSignatures(task.getExecution().getProcessBusinessKey(), Actors.completedBy(task));
    }
}
