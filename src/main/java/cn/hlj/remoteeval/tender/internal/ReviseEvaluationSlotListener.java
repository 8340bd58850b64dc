package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;
import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * User task 调整评标时间, on completion: moves the tender's evaluation to the slot the form gives.
 * A refused move fails the completion, so the task stays open with the reason shown in Tasklist.
 */
@Component("reviseEvaluationSlot")
class ReviseEvaluationSlotListener implements TaskListener {

    private final TenderService tenders;

    ReviseEvaluationSlotListener(TenderService tenders) {
        this.tenders = tenders;
    }

    @Override
    public void notify(DelegateTask task) {
        Slot slot = slotFrom(task.getVariable(EVALUATION_DATE), task.getVariable(HALF_DAY));
        try {
            tenders.moveEvaluation((String) task.getVariable(TENDER_ID), slot, TaskActors.completedBy(task));
        } catch (ApiProblemException e) {
            throw new TaskInputRefused(e.violations().isEmpty() ? e.getMessage()
                    : String.join("；", e.violations().stream().map(FieldViolation::message).toList()));
        }
    }

    private static Slot slotFrom(Object date, Object halfDay) {
        try {
            return new Slot(LocalDate.parse(String.valueOf(date)), HalfDay.valueOf(String.valueOf(halfDay)));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new TaskInputRefused("请填写新的评标日期（yyyy-MM-dd）并选择上午或下午");
        }
    }
}
