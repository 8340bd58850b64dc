package cn.hlj.remoteeval.tender.internal;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.AccountCenters;
import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.security.TendererAccounts;

/**
 * Who reads a tender (its page and the list): operators, the DRC and the provincial center's staff
 * every tender; the main center's staff and supervisors their center's; a tenderer account the tenders
 * registered with the tenderer it speaks for. Nobody else, and to them a tender does not exist (404),
 * so that its existence is not revealed. A sub-venue's staff see their sessions only, elsewhere.
 */
@Component
class TenderReaders {

    static final String PROVINCIAL_CENTER = "PROV";

    private final CurrentActor actor;
    private final TendererAccounts tenderers;
    private final AccountCenters centers;

    TenderReaders(CurrentActor actor, TendererAccounts tenderers, AccountCenters centers) {
        this.actor = actor;
        this.tenderers = tenderers;
        this.centers = centers;
    }

    /** What the caller may read, as the list query applies it. */
    record Reach(boolean everyTender, Set<String> mainCenters, String tenderer) {

        boolean nothing() {
            return !everyTender && mainCenters.isEmpty() && tenderer == null;
        }

        /** Reads the tender as an official (its center, the province, the DRC, an operator), not as its tenderer. */
        boolean official(String mainCenter) {
            return everyTender || mainCenters.contains(mainCenter);
        }

        boolean sees(String mainCenter, String tendererOfTender) {
            return official(mainCenter) || same(tenderer, tendererOfTender);
        }
    }

    Reach reach() {
        if (actor.isOperator() || actor.isDrc() || actor.isStaffOf(PROVINCIAL_CENTER)) {
            return new Reach(true, Set.of(), null);
        }
        Set<String> own = new TreeSet<>();
        for (AccountCenters.Center center : centers.centers()) {
            if (actor.isStaffOf(center.code()) || actor.isSupervisorOf(center.code())) {
                own.add(center.code());
            }
        }
        String tenderer = actor.isTenderer() ? tenderers.tendererOf(actor.userId()).orElse(null) : null;
        return new Reach(false, own, tenderer);
    }

    boolean maySee(String mainCenter, String tenderer) {
        return reach().sees(mainCenter, tenderer);
    }

    /** Whether the caller is a tenderer account bound to the tender's tenderer (not just any tenderer account). */
    boolean speaksFor(String tenderer) {
        return actor.isTenderer() && same(tenderers.tendererOf(actor.userId()).orElse(null), tenderer);
    }

    private static boolean same(String bound, String tenderer) {
        return bound != null && tenderer != null && bound.equals(tenderer.strip());
    }
}
