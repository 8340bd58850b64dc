package cn.hlj.remoteeval.tender.internal;

import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.SCOPE;
import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.SCOPE_DECISION_RESULT;
import static cn.hlj.remoteeval.tender.internal.LifecycleVariables.TENDER_ID;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.scope.Scope;

/** Service task 登记评标范围: hands the DMN rule results to the tender. */
@Component("recordScopeDecision")
class RecordScopeDecisionDelegate implements JavaDelegate {

    private final TenderService tenders;

    RecordScopeDecisionDelegate(TenderService tenders) {
        this.tenders = tenders;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        String tenderId = (String) execution.getVariable(TENDER_ID);
        List<Map<String, Object>> ruleResults = (List<Map<String, Object>>) execution.getVariable(SCOPE_DECISION_RESULT);
        Scope scope = tenders.decideScope(tenderId, ruleResults);
        execution.setVariable(SCOPE, scope.name());
    }
}
