package cn.hlj.remoteeval.crossprovince.assignment;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task 请求合作省份抽取评标专家 of the tender lifecycle: asks the partner to draw the experts of
 * the seats not confirmed yet, for the tender whose id is the business key. Sets nothing: the answer
 * arrives as the message PartnerExpertsDrawn.
 */
@Component(RequestPartnerExpertDrawDelegate.BEAN)
class RequestPartnerExpertDrawDelegate implements JavaDelegate {

    static final String BEAN = "requestPartnerExpertDraw";

    private final PartnerExpertDraws draws;

    RequestPartnerExpertDrawDelegate(PartnerExpertDraws draws) {
        this.draws = draws;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tenderId = execution.getProcessBusinessKey();
        if (tenderId == null) {
            throw new IllegalStateException("the lifecycle has no business key");
        }
        draws.request(tenderId);
    }
}
