package cn.hlj.remoteeval.security;

import java.util.List;

/**
 * The trading centers whose staff and supervisors hold accounts. Provided by the module that owns
 * the centers, so that security depends on no feature module and every feature module may ask
 * {@link CurrentActor} who is calling.
 */
public interface AccountCenters {

    /** Every center, in the province's display order. */
    List<Center> centers();

    /** A center as far as accounts are concerned: its code (in group names) and its name. */
    record Center(String code, String name) {
    }
}
