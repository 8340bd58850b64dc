package cn.hlj.remoteeval.crossprovince.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.crossprovince.assignment.AssignmentRequest.SubVenueRequest;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

class AssignmentValidatorUnitTest {

    private static final int COMMITTEE = 7;

    private static SubVenueRequest sub(String province, String venue, Integer seats) {
        return new SubVenueRequest(province, venue, seats);
    }

    private static AssignmentRequest valid() {
        return new AssignmentRequest("吉林省", 3,
                List.of(sub("吉林省", "长春市公共资源交易中心", 2), sub("辽宁省", "沈阳市公共资源交易中心", 2)));
    }

    private static List<FieldViolation> violations(AssignmentRequest request) {
        try {
            AssignmentValidator.validate(request, COMMITTEE);
        } catch (ApiProblemException e) {
            assertThat(e.status().value()).isEqualTo(400);
            return e.violations();
        }
        throw new AssertionError("accepted: " + request);
    }

    private static List<String> fields(AssignmentRequest request) {
        return violations(request).stream().map(FieldViolation::field).toList();
    }

    @Test
    void aPlanAddingUpToTheCommitteeIsAccepted() {
        PartnerAssignment assignment = AssignmentValidator.validate(valid(), COMMITTEE);

        assertThat(assignment.partnerProvince()).isEqualTo("吉林省");
        assertThat(assignment.mainVenueSeats()).isEqualTo(3);
        assertThat(assignment.subVenues()).extracting(PartnerAssignment.SubVenue::seats).containsExactly(2, 2);
    }

    @Test
    void noSeatsAtTheMainVenueIsAllowed() {
        AssignmentRequest request = new AssignmentRequest("吉林省", 0,
                List.of(sub("吉林省", "长春", 4), sub("辽宁省", "沈阳", 3)));

        assertThat(AssignmentValidator.validate(request, COMMITTEE).mainVenueSeats()).isZero();
    }

    @Test
    void aMajorityAtOneVenueIsNotThisProvincesToCheck() {
        AssignmentRequest request = new AssignmentRequest("吉林省", 6, List.of(sub("吉林省", "长春", 1)));

        assertThat(AssignmentValidator.validate(request, COMMITTEE).mainVenueSeats()).isEqualTo(6);
    }

    @Test
    void valuesAreStripped() {
        AssignmentRequest request = new AssignmentRequest("  吉林省 ", 3,
                List.of(sub(" 吉林省", " 长春 ", 2), sub("辽宁省", "沈阳", 2)));

        PartnerAssignment assignment = AssignmentValidator.validate(request, COMMITTEE);

        assertThat(assignment.partnerProvince()).isEqualTo("吉林省");
        assertThat(assignment.subVenues().get(0).venue()).isEqualTo("长春");
    }

    @Test
    void aMissingBodyIsRejected() {
        assertThat(fields(null)).containsExactly("body");
    }

    @Test
    void thePartnerProvinceMustBeNamed() {
        assertThat(fields(new AssignmentRequest(null, 3, valid().partnerSubVenues()))).containsExactly("partnerProvince");
        assertThat(fields(new AssignmentRequest("  ", 3, valid().partnerSubVenues()))).containsExactly("partnerProvince");
    }

    @Test
    void thePartnerCannotBeThisProvince() {
        for (String home : List.of("黑龙江省", "黑龙江", " 黑龙江省 ")) {
            List<FieldViolation> violations = violations(new AssignmentRequest(home, 3, valid().partnerSubVenues()));
            assertThat(violations).extracting(FieldViolation::field).containsExactly("partnerProvince");
            assertThat(violations.get(0).message()).contains("合作省份").contains("本省");
        }
    }

    @Test
    void mainVenueSeatsMustBePresentAndNotNegative() {
        assertThat(fields(new AssignmentRequest("吉林省", null, valid().partnerSubVenues())))
                .containsExactly("mainVenueSeats");
        List<FieldViolation> negative = violations(new AssignmentRequest("吉林省", -1, valid().partnerSubVenues()));
        assertThat(negative).extracting(FieldViolation::field).containsExactly("mainVenueSeats");
        assertThat(negative.get(0).message()).contains("主场评标席位数");
    }

    @Test
    void atLeastOneSubVenue() {
        assertThat(fields(new AssignmentRequest("吉林省", 7, null))).containsExactly("partnerSubVenues");
        List<FieldViolation> empty = violations(new AssignmentRequest("吉林省", 7, List.of()));
        assertThat(empty).extracting(FieldViolation::field).containsExactly("partnerSubVenues");
        assertThat(empty.get(0).message()).contains("副场");
    }

    @Test
    void eachSubVenueNeedsAtLeastOneSeat() {
        List<FieldViolation> zero = violations(new AssignmentRequest("吉林省", 5,
                List.of(sub("吉林省", "长春", 2), sub("辽宁省", "沈阳", 0))));
        assertThat(zero).extracting(FieldViolation::field).containsExactly("partnerSubVenues[1].seats");
        assertThat(zero.get(0).message()).contains("副场评标席位数");
        assertThat(fields(new AssignmentRequest("吉林省", 5, List.of(sub("吉林省", "长春", -2)))))
                .containsExactly("partnerSubVenues[0].seats");
        assertThat(fields(new AssignmentRequest("吉林省", 5, List.of(sub("吉林省", "长春", null)))))
                .containsExactly("partnerSubVenues[0].seats");
    }

    @Test
    void eachSubVenueIsNamedWithItsProvince() {
        assertThat(fields(new AssignmentRequest("吉林省", 5, List.of(sub(null, "长春", 2)))))
                .containsExactly("partnerSubVenues[0].province");
        assertThat(fields(new AssignmentRequest("吉林省", 5, List.of(sub("吉林省", " ", 2)))))
                .containsExactly("partnerSubVenues[0].venue");
        assertThat(fields(new AssignmentRequest("吉林省", 5, List.of(sub("吉林省", "长".repeat(201), 2)))))
                .containsExactly("partnerSubVenues[0].venue");
    }

    @Test
    void aSubVenueInThisProvinceIsRejected() {
        assertThat(fields(new AssignmentRequest("吉林省", 5, List.of(sub("黑龙江省", "哈尔滨", 2)))))
                .containsExactly("partnerSubVenues[0].province");
    }

    @Test
    void aNullSubVenueIsRejected() {
        assertThat(fields(new AssignmentRequest("吉林省", 5, Arrays.asList(sub("吉林省", "长春", 2), null))))
                .containsExactly("partnerSubVenues[1]");
    }

    @Test
    void aSubVenueListedTwiceIsRejected() {
        assertThat(fields(new AssignmentRequest("吉林省", 3,
                List.of(sub("吉林省", "长春", 2), sub("吉林省", "长春", 2))))).containsExactly("partnerSubVenues[1].venue");
    }

    @Test
    void tooManySubVenuesAreRejected() {
        List<SubVenueRequest> many = new ArrayList<>();
        for (int i = 0; i <= AssignmentValidator.MAX_SUB_VENUES; i++) {
            many.add(sub("吉林省", "评标室" + i, 1));
        }
        assertThat(fields(new AssignmentRequest("吉林省", 0, many))).containsExactly("partnerSubVenues");
    }

    @Test
    void theSeatsMustAddUpToTheCommittee() {
        List<FieldViolation> tooFew = violations(new AssignmentRequest("吉林省", 2,
                List.of(sub("吉林省", "长春", 2), sub("辽宁省", "沈阳", 2))));
        assertThat(tooFew).extracting(FieldViolation::field).containsExactly("mainVenueSeats");
        assertThat(tooFew.get(0).message()).contains("（6）").contains("（7）");

        assertThat(fields(new AssignmentRequest("吉林省", 4,
                List.of(sub("吉林省", "长春", 2), sub("辽宁省", "沈阳", 2))))).containsExactly("mainVenueSeats");
    }

    @Test
    void hugeSeatCountsDoNotOverflowIntoAMatch() {
        // MAX_VALUE + MAX_VALUE + 9 wraps to 7 in int arithmetic.
        assertThat(fields(new AssignmentRequest("吉林省", Integer.MAX_VALUE,
                List.of(sub("吉林省", "长春", Integer.MAX_VALUE), sub("辽宁省", "沈阳", 9))))).containsExactly("mainVenueSeats");
    }

    @Test
    void everyFieldAtFaultIsReportedAtOnce() {
        assertThat(fields(new AssignmentRequest("黑龙江省", -1, List.of(sub("", "", 0)))))
                .containsExactlyInAnyOrder("partnerProvince", "mainVenueSeats", "partnerSubVenues[0].province",
                        "partnerSubVenues[0].venue", "partnerSubVenues[0].seats");
    }

    @Test
    void noMessageRepeatsASubVenue() {
        String secret = "机密评标室XYZ";
        List<FieldViolation> violations = violations(new AssignmentRequest("吉林省", 1,
                List.of(sub("吉林省", secret, 2), sub("吉林省", secret, 2))));

        assertThat(violations).isNotEmpty().allSatisfy(v -> assertThat(v.message()).doesNotContain(secret));
    }

    @Test
    void theAssignmentsTextShowsNoSubVenue() {
        PartnerAssignment assignment = AssignmentValidator.validate(new AssignmentRequest("吉林省", 3,
                List.of(sub("吉林省", "机密评标室XYZ", 2), sub("辽宁省", "沈阳", 2))), COMMITTEE);

        assertThat(assignment.toString()).doesNotContain("机密评标室XYZ").doesNotContain("辽宁省");
    }

    @Test
    void aRejectionIsABadRequest() {
        assertThatThrownBy(() -> AssignmentValidator.validate(new AssignmentRequest("吉林省", 0, List.of()), COMMITTEE))
                .isInstanceOfSatisfying(ApiProblemException.class, e -> assertThat(e.status().value()).isEqualTo(400));
    }
}
