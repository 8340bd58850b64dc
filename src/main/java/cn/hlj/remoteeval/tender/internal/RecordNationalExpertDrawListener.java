package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.*;

import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * User task 登记国家系统专家抽取结果, on completion: a cross-province tender's experts are drawn
 * through the national dispatch system (policy 十), so the lifecycle only records its reference.
 */
@Component("recordNationalExpertDraw")
class RecordNationalExpertDrawListener implements TaskListener {

    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._/-]{1,64}");

    private final TenderService tenders;

    RecordNationalExpertDrawListener(TenderService tenders) {
        this.tenders = tenders;
    }

    @Override
    public void notify(DelegateTask task) {
        Object reference = task.getVariable(NATIONAL_EXPERT_DRAW_REFERENCE);
        if (reference == null || !REFERENCE.matcher(reference.toString().strip()).matches()) {
            throw new TaskInputRefused("请填写国家远程异地评标调度系统的抽取编号（字母、数字及 . _ / -）");
        }
        tenders.recordNationalExpertDraw((String) task.getVariable(TENDER_ID), reference.toString().strip(),
                TaskActors.completedBy(task));
    }
}
