package cn.hlj.remoteeval.handover.internal;

import org.camunda.bpm.engine.delegate.DelegateExecution;

import cn.hlj.remoteeval.deadline.DeadlineTicket;
import cn.hlj.remoteeval.deadline.DeadlineVariables;

/**
 * How a process instance of this module waits on a deadline: the deadline's id (and due time) as
 * variables of the instance itself, which the deadline module correlates its messages by, and an
 * incident for the operator while the calendar year the term reaches is not loaded.
 */
final class DeadlineWaits {

    private DeadlineWaits() {
    }

    static void await(DelegateExecution execution, DeadlineTicket ticket) {
        var instance = execution.getProcessInstance();
        instance.setVariable(DeadlineVariables.DEADLINE_ID, ticket.id());
        if (ticket.dueAtAsDate() != null) {
            instance.setVariable(DeadlineVariables.DEADLINE_DUE_AT, ticket.dueAtAsDate());
        } else {
            instance.removeVariable(DeadlineVariables.DEADLINE_DUE_AT);
        }
        if (ticket.awaitingCalendar()) {
            execution.createIncident(DeadlineVariables.INCIDENT_AWAITING_CALENDAR, ticket.id(),
                    "期限跨越 " + ticket.missingYear() + " 年，该年度法定节假日安排尚未导入，无法计算到期日；请运维人员导入后处理");
        }
    }
}
