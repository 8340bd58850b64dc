package cn.hlj.remoteeval.handover.internal;

import static cn.hlj.remoteeval.handover.internal.HandoverVariables.*;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.AccountCenters;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.security.SealedFormFields;

/**
 * The service task right after the start form of 报送违法违规线索: records the clue for the session
 * the reporting staff's center hosts, makes the tender the business key and waits on the deadline of
 * its passing to the main venue. A refused report fails the start: no instance, nothing recorded.
 */
@Component("reportClue")
class ReportClueDelegate implements JavaDelegate {

    private static final String STAFF_PREFIX = "staff-";

    private final ClueService clues;
    private final CurrentActor actor;
    private final AccountCenters centers;

    ReportClueDelegate(ClueService clues, CurrentActor actor, AccountCenters centers) {
        this.clues = clues;
        this.actor = actor;
        this.centers = centers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String description = SealedFormFields.takeText(execution, SEALED_CLUE_DESCRIPTION);
        Authentication engineUser = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        Set<String> staffOf = staffCenters(engineUser);
        if (staffOf.isEmpty()) {
            throw new InvalidForm("只有副场交易中心的工作人员可以报送线索");
        }
        String reporter = engineUser != null && engineUser.getUserId() != null ? engineUser.getUserId() : actor.userId();
        ClueService.ReportedClue clue = clues.report(staffOf,
                new ClueService.ClueForm(execution.getVariable(SESSION_CODE), execution.getVariable(FOUND_ON),
                        execution.getVariable(CATEGORY), description),
                reporter);
        execution.setProcessBusinessKey(clue.tenderId());
        execution.setVariable(CLUE_ID, clue.clueId());
        execution.setVariable(MAIN_CENTER, clue.mainCenter());
        DeadlineWaits.await(execution, clue.ticket());
    }

    /** The centers whose staff the starting user is: from the engine's authentication (Tasklist), else from the request's. */
    private Set<String> staffCenters(Authentication engineUser) {
        Set<String> codes = new LinkedHashSet<>();
        if (engineUser != null && engineUser.getGroupIds() != null) {
            engineUser.getGroupIds().stream().filter(group -> group.startsWith(STAFF_PREFIX))
                    .map(group -> group.substring(STAFF_PREFIX.length())).forEach(codes::add);
        }
        if (codes.isEmpty()) {
            centers.centers().stream().map(AccountCenters.Center::code).filter(actor::isStaffOf).forEach(codes::add);
        }
        return codes;
    }
}
