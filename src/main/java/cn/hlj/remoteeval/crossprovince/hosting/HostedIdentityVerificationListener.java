package cn.hlj.remoteeval.crossprovince.hosting;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.web.TaskInputRefused;

/**
 * User task 专家身份验证 of a hosted session. On creation its form is given the session's seat numbers (numbers
 * only, as the staff enter no-shows by them). On completion the entry is checked and {@code noShowsFound} set
 * for the gateway, the no-show seats kept in normal form for 登记未到场专家并补抽.
 */
@Component("verifyHostedIdentities")
class HostedIdentityVerificationListener implements TaskListener {

    private final HostedExpertSeats seats;

    HostedIdentityVerificationListener(HostedExpertSeats seats) {
        this.seats = seats;
    }

    @Override
    public void notify(DelegateTask task) {
        String hostingId = EngineActors.hostingId(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal(HostedSessionVariables.SESSION_SEATS,
                    HostedSeatNumbers.format(seats.sessionSeats(hostingId)));
            return;
        }
        try {
            List<Integer> noShows = HostedSeatNumbers.parse(task.getVariable(HostedSessionVariables.NO_SHOW_SEATS));
            seats.checkVerification(hostingId, wholeNumber(task.getVariable(HostedSessionVariables.EXPERTS_PRESENT)), noShows,
                    Boolean.TRUE.equals(task.getVariable(HostedSessionVariables.IDENTITIES_VERIFIED)),
                    EngineActors.completedBy(task));
            task.getExecution().setVariable(HostedSessionVariables.NO_SHOW_SEATS, HostedSeatNumbers.format(noShows));
            task.getExecution().setVariable(HostedSessionVariables.NO_SHOWS_FOUND, !noShows.isEmpty());
        } catch (IllegalArgumentException e) {
            throw new TaskInputRefused(e.getMessage());
        }
    }

    /** A count as a form or the REST API sends it (a number or its digits), or null when it is not a whole number. */
    static Long wholeNumber(Object value) {
        if (value instanceof Number number) {
            double d = number.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.valueOf(number.longValue()) : null;
        }
        if (value instanceof String text && text.strip().matches("\\d{1,9}")) {
            return Long.valueOf(text.strip());
        }
        return null;
    }
}
