package cn.hlj.remoteeval.crossprovince.assignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.hlj.remoteeval.crossprovince.assignment.AssignmentRequest.SubVenueRequest;
import cn.hlj.remoteeval.crossprovince.internal.Fields;
import cn.hlj.remoteeval.crossprovince.internal.Provinces;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * Checks a partner assignment completely and reports every field at fault together. The seats
 * must add up to the committee; whether one venue holds a majority is NOT checked: the partner
 * fixes the plan under the national rules (policy 六), and this province only hosts its share.
 * Messages never repeat a sub-venue's name: they are confidential even in an error.
 */
final class AssignmentValidator {

    /** Far above any committee; bounds the stored text. */
    static final int MAX_SUB_VENUES = 50;

    private AssignmentValidator() {
    }

    static PartnerAssignment validate(AssignmentRequest request, int committeeSize) {
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String partner = Fields.partnerProvince("partnerProvince", "合作省份", request.partnerProvince(), violations);
        Integer mainSeats = Fields.atLeast("mainVenueSeats", "主场评标席位数", request.mainVenueSeats(), 0, violations);

        List<PartnerAssignment.SubVenue> subVenues = new ArrayList<>();
        boolean complete = subVenues(request.partnerSubVenues(), subVenues, violations);

        if (complete && mainSeats != null) {
            long total = (long) mainSeats + subVenues.stream().mapToLong(PartnerAssignment.SubVenue::seats).sum();
            if (total != committeeSize) {
                violations.add(new FieldViolation("mainVenueSeats", "主场评标席位数与各副场评标席位数之和（" + total
                        + "）应等于评标委员会成员人数（" + committeeSize + "）"));
            }
        }
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return new PartnerAssignment(partner, mainSeats, subVenues);
    }

    /** Whether every sub-venue was read; adds each one read to {@code into}. */
    private static boolean subVenues(List<SubVenueRequest> requested, List<PartnerAssignment.SubVenue> into,
            List<FieldViolation> violations) {
        if (requested == null || requested.isEmpty()) {
            violations.add(new FieldViolation("partnerSubVenues", "合作省份确定的副场至少应有 1 个"));
            return false;
        }
        if (requested.size() > MAX_SUB_VENUES) {
            violations.add(new FieldViolation("partnerSubVenues", "副场不能超过 " + MAX_SUB_VENUES + " 个"));
            return false;
        }
        boolean complete = true;
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            String path = "partnerSubVenues[" + i + "]";
            SubVenueRequest sub = requested.get(i);
            if (sub == null) {
                violations.add(new FieldViolation(path, "第 " + (i + 1) + " 个副场不能为空"));
                complete = false;
                continue;
            }
            String province = Fields.text(path + ".province", "副场所在省份", sub.province(), 32, violations);
            if (province != null && Provinces.isHome(province)) {
                // Seats here belong to the main venue; a sub-venue here would need a booking this plan does not make.
                violations.add(new FieldViolation(path + ".province",
                        "副场所在省份不能是本省（" + Provinces.HOME + "）；本省席位请计入主场评标席位数"));
                province = null;
            }
            String venue = Fields.text(path + ".venue", "副场名称", sub.venue(), 200, violations);
            Integer seats = Fields.atLeast(path + ".seats", "副场评标席位数", sub.seats(), 1, violations);
            if (province == null || venue == null || seats == null) {
                complete = false;
                continue;
            }
            Integer first = seen.putIfAbsent(province + "\u0000" + venue, i);
            if (first != null) {
                violations.add(new FieldViolation(path + ".venue", "副场与第 " + (first + 1) + " 个副场重复"));
                complete = false;
                continue;
            }
            into.add(new PartnerAssignment.SubVenue(province, venue, seats));
        }
        return complete;
    }
}
