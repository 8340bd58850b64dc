package cn.hlj.remoteeval.crossprovince.partners;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The one place this module starts a process: {@code bpmn/partner-target-alert.bpmn}, whose user
 * task 合作省份目标预警 puts the target in the provincial center's task list. Its variables are public
 * facts (the target, the counts, the dates), nothing about tenders.
 */
@Component
class PartnerTargetAlertProcess {

    static final String PROCESS_KEY = "partner-target-alert";

    private final RuntimeService runtime;

    PartnerTargetAlertProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Answers the process instance id. */
    String start(PartnerTargetStatus status) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("targetLabel", status.target().label());
        variables.put("targetState", status.state().name());
        variables.put("targetStateLabel", status.state().label());
        variables.put("requiredCount", status.target().count());
        variables.put("reachedCount", status.reached());
        variables.put("dueOn", status.target().due().toString());
        variables.put("judgedOn", status.on().toString());
        variables.put("daysLeft", status.daysLeft());
        variables.put("alertText", status.text());
        return runtime.startProcessInstanceByKey(PROCESS_KEY, status.target().key() + ":" + status.state().name(),
                variables).getId();
    }
}
