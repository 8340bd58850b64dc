package cn.hlj.remoteeval.tender.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import cn.hlj.remoteeval.scope.Category;
import cn.hlj.remoteeval.venue.HalfDay;

/** A registration request that passed validation: every value typed and checked. */
record TenderRegistration(String sectionCode, String name, String mainCenter, Category category,
        BigDecimal estimatedPrice, EpcParts epcParts, LocalDate evaluationDate, HalfDay halfDay, int committeeSize,
        int tendererRepresentatives, List<CommitteeSpecialty> specialties, boolean regulationRequiresCrossProvince,
        boolean expertShortageAsserted, Exemption exemption, String tenderer, String projectCode) {
}
