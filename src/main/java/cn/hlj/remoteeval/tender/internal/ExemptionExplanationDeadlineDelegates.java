package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.TENDER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.DeadlineVariables;

/** The adapters of the lifecycle's written-explanation deadline; each calls one method of {@link ExemptionExplanationDeadline}. */
final class ExemptionExplanationDeadlineDelegates {

    static final String FOLLOW_UP_MEASURE = "overdueFollowUpMeasure";

    private ExemptionExplanationDeadlineDelegates() {
    }

    /** Service task 开始计算书面说明期限. */
    @Component("openExemptionExplanationDeadline")
    static class Open implements JavaDelegate {

        private final ExemptionExplanationDeadline explanations;

        Open(ExemptionExplanationDeadline explanations) {
            this.explanations = explanations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            DeadlineTicket ticket = explanations.open((String) execution.getVariable(TENDER_ID));
            execution.setVariable(DeadlineVariables.DEADLINE_ID, ticket.id());
            execution.setVariable(DeadlineVariables.DEADLINE_DUE_AT, ticket.dueAtAsDate());
        }
    }

    /** Service task 提醒招标人提交书面说明 (the deadline's reminder). */
    @Component("remindExemptionExplanation")
    static class Remind implements JavaDelegate {

        private final ExemptionExplanationDeadline explanations;

        Remind(ExemptionExplanationDeadline explanations) {
            this.explanations = explanations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            explanations.remind((String) execution.getVariable(TENDER_ID),
                    (String) execution.getVariable(DeadlineVariables.DEADLINE_ID));
        }
    }

    /** Service task 书面说明已提交，结束期限. */
    @Component("completeExemptionExplanationDeadline")
    static class Complete implements JavaDelegate {

        private final ExemptionExplanationDeadline explanations;

        Complete(ExemptionExplanationDeadline explanations) {
            this.explanations = explanations;
        }

        @Override
        public void execute(DelegateExecution execution) {
            explanations.explanationFiled((String) execution.getVariable(DeadlineVariables.DEADLINE_ID));
        }
    }

    /** User task 督办逾期未提交的书面说明, on completion: records the supervisor's follow-up. */
    @Component("recordOverdueExplanationFollowUp")
    static class FollowUp implements TaskListener {

        private final ExemptionExplanationDeadline explanations;

        FollowUp(ExemptionExplanationDeadline explanations) {
            this.explanations = explanations;
        }

        @Override
        public void notify(DelegateTask task) {
            explanations.overdueFollowedUp((String) task.getVariable(TENDER_ID), TaskActors.completedBy(task),
                    (String) task.getVariable(FOLLOW_UP_MEASURE));
        }
    }
}
