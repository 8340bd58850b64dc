package cn.hlj.remoteeval.expert;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What other modules may ask of the expert pool. */
public interface ExpertPool {

    /** Whether the specialty classification (评标专家专业分类) has this code. */
    boolean isKnownSpecialty(String specialtyCode);

    /**
     * Policy 一(5): true when, for any requested specialty, the pool has fewer experts in service
     * (not suspended, not disqualified) than the configured multiple (default 3) of the requested count.
     */
    boolean shortage(Map<String, Integer> requestedCountBySpecialty);

    /**
     * The experts that may be drawn for an evaluation on the date: in service, not on leave that
     * day, of one of the specialties; sorted by {@link ExpertCandidate#expertRef()}. Bookings on
     * other tenders are the draw's business, not the pool's.
     */
    List<ExpertCandidate> available(Collection<String> specialtyCodes, LocalDate date);

    /**
     * The experts in service (not suspended, not disqualified) per specialty and city: counts only,
     * for the shared directory of the pool (policy 三). Combinations without any expert are left out;
     * ordered by specialty code, then city.
     */
    List<InServiceCount> inServiceCounts();

    /**
     * How many experts of a specialty in a city are in service.
     *
     * @param cityCode the center code of the experts' 所在地市
     */
    record InServiceCount(String specialtyCode, String cityCode, long experts) {
    }
}
