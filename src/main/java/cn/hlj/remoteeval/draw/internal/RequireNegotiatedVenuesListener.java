package cn.hlj.remoteeval.draw.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/** User task 录入协商确定的副场, on completion: refuses a completion before the venues were entered. */
@Component("requireNegotiatedVenues")
class RequireNegotiatedVenuesListener implements TaskListener {

    private final VenueNegotiationService negotiations;

    RequireNegotiatedVenuesListener(VenueNegotiationService negotiations) {
        this.negotiations = negotiations;
    }

    @Override
    public void notify(DelegateTask task) {
        try {
            negotiations.requireEntered(task.getExecution().getProcessBusinessKey());
        } catch (IllegalStateException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }
}
