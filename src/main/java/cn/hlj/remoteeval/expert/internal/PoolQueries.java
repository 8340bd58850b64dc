package cn.hlj.remoteeval.expert.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hlj.remoteeval.expert.ExpertCandidate;
import cn.hlj.remoteeval.expert.ExpertContacts;
import cn.hlj.remoteeval.expert.ExpertPool;
import cn.hlj.remoteeval.security.PersonalDataCipher;

/**
 * What other modules ask of the pool: the specialty check, the shortage of policy 一(5), the
 * drawable experts of a date, and the decrypted contact of one expert for its SMS notice.
 * Specialties match exactly: an expert of A0101 is not counted for a request of A01.
 */
@Service
@Transactional(readOnly = true)
class PoolQueries implements ExpertPool, ExpertContacts {

    private final JdbcExperts experts;
    private final JdbcSpecialties specialties;
    private final PersonalDataCipher cipher;
    private final int shortageMultiple;

    PoolQueries(JdbcExperts experts, JdbcSpecialties specialties, PersonalDataCipher cipher,
            @Value("${remote-eval.expert-pool.shortage-multiple:3}") int shortageMultiple) {
        if (shortageMultiple < 1) {
            throw new IllegalStateException("remote-eval.expert-pool.shortage-multiple must be at least 1, not "
                    + shortageMultiple);
        }
        this.experts = experts;
        this.specialties = specialties;
        this.cipher = cipher;
        this.shortageMultiple = shortageMultiple;
    }

    @Override
    public boolean isKnownSpecialty(String specialtyCode) {
        return specialties.exists(specialtyCode);
    }

    @Override
    public boolean shortage(Map<String, Integer> requestedCountBySpecialty) {
        Set<String> requested = new LinkedHashSet<>();
        requestedCountBySpecialty.forEach((code, count) -> {
            if (code != null && count != null && count > 0) {
                requested.add(code);
            }
        });
        if (requested.isEmpty()) {
            return false;
        }
        Map<String, Long> inService = experts.activeCountBySpecialty(requested);
        for (String code : requested) {
            long needed = (long) shortageMultiple * requestedCountBySpecialty.get(code);
            if (inService.getOrDefault(code, 0L) < needed) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<ExpertCandidate> available(Collection<String> specialtyCodes, LocalDate date) {
        return experts.available(new LinkedHashSet<>(specialtyCodes), date);
    }

    @Override
    public List<InServiceCount> inServiceCounts() {
        return experts.activeCountBySpecialtyAndCity();
    }

    @Override
    public Optional<ExpertContact> contactOf(String expertRef) {
        if (expertRef == null) {
            return Optional.empty();
        }
        return experts.find(expertRef).map(e -> new ExpertContact(e.ref(), cipher.decrypt(e.nameEnc()),
                cipher.decrypt(e.mobileEnc())));
    }
}
