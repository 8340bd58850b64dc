package cn.hlj.remoteeval.security;

import java.util.Set;

/**
 * Which anonymous evaluation sessions a center currently hosts. Provided by the module that owns
 * the bookings, so that the engine can offer a sub-venue's tasks to {@link Groups#venueSession} and
 * the hosting staff still find them, while no engine record says which center that is.
 */
public interface VenueSessionHosting {

    /** The session codes hosted by any of the centers whose evaluation is recent or near. */
    Set<String> sessionsHostedBy(Set<String> centerCodes);
}
