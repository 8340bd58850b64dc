package cn.hlj.remoteeval.evaluation.internal;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.Groups;
import cn.hlj.remoteeval.venue.SeatBookings;

/**
 * Every venue duty, on creation: the task goes to the session's anonymous engine group, which the
 * staff of the hosting center hold. No variable, identity link or authorization of the engine names
 * the center, so nothing in the engine says which centers are a tender's sub-venues.
 */
@Component("venueStaff")
class VenueStaffListener implements TaskListener {

    private final SeatBookings bookings;

    VenueStaffListener(SeatBookings bookings) {
        this.bookings = bookings;
    }

    @Override
    public void notify(DelegateTask task) {
        Object sessionCode = task.getVariable(EvaluationVariables.SESSION_CODE);
        if (sessionCode == null) {
            throw new IllegalStateException("a venue duty needs variable " + EvaluationVariables.SESSION_CODE);
        }
        if (bookings.centerOfSession(sessionCode.toString()).isEmpty()) {
            throw new IllegalStateException("no center hosts session " + sessionCode);
        }
        task.addCandidateGroup(Groups.venueSession(sessionCode.toString()));
    }
}
