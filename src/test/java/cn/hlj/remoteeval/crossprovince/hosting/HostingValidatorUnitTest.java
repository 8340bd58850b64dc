package cn.hlj.remoteeval.crossprovince.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

class HostingValidatorUnitTest {

    /** 2031-05-06 10:00 in the province. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2031-05-06T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static final List<TradingCenter> CENTERS = List.of(new TradingCenter("PROV", "省中心", true),
            new TradingCenter("HRB", "哈尔滨", true), new TradingCenter("QQHR", "齐齐哈尔", true),
            new TradingCenter("MDJ", "牡丹江", false));

    private final HostingValidator validator = new HostingValidator(new TradingCenters() {
        @Override
        public List<TradingCenter> all() {
            return CENTERS;
        }

        @Override
        public Optional<TradingCenter> find(String code) {
            return CENTERS.stream().filter(c -> c.code().equals(code)).findFirst();
        }

        @Override
        public Optional<String> noticeAddressOf(String code) {
            return Optional.empty();
        }

        @Override
        public void changeNoticeAddress(String code, String address) {
            throw new UnsupportedOperationException("not needed by the validator");
        }
    }, CLOCK);

    private static HostingRequest request(String center, String date, String halfDay, Integer seats) {
        return new HostingRequest("吉林省", "JL-2031-0042", center, date, halfDay, seats);
    }

    private List<String> fields(HostingRequest request) {
        try {
            validator.validate(request);
        } catch (ApiProblemException e) {
            assertThat(e.status().value()).isEqualTo(400);
            return e.violations().stream().map(FieldViolation::field).toList();
        }
        throw new AssertionError("accepted: " + request);
    }

    @Test
    void aHostingAtEachPermanentSubVenueIsAccepted() {
        for (String center : List.of("PROV", "HRB", "QQHR")) {
            HostingRegistration registration = validator.validate(request(center, "2031-05-06", "PM", 3));
            assertThat(registration.centerCode()).isEqualTo(center);
            assertThat(registration.slot().date()).hasToString("2031-05-06");
            assertThat(registration.slot().halfDay()).isEqualTo(HalfDay.PM);
            assertThat(registration.seats()).isEqualTo(3);
        }
    }

    @Test
    void anOrdinaryCenterCannotHostAPartner() {
        try {
            validator.validate(request("MDJ", "2031-06-01", "AM", 3));
            throw new AssertionError("MDJ accepted");
        } catch (ApiProblemException e) {
            assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("centerCode");
            assertThat(e.violations().get(0).message()).contains("常态化").contains("PROV").contains("HRB")
                    .contains("QQHR").doesNotContain("MDJ");
        }
    }

    @Test
    void anUnknownOrMissingCenterIsRejected() {
        assertThat(fields(request("XYZ", "2031-06-01", "AM", 3))).containsExactly("centerCode");
        assertThat(fields(request(null, "2031-06-01", "AM", 3))).containsExactly("centerCode");
    }

    @Test
    void theDateMustNotBeInThePast() {
        assertThat(fields(request("HRB", "2031-05-05", "AM", 3))).containsExactly("date");
        assertThat(fields(request("HRB", "2031-13-01", "AM", 3))).containsExactly("date");
        assertThat(fields(request("HRB", null, "AM", 3))).containsExactly("date");
    }

    @Test
    void theHalfDayIsAmOrPm() {
        assertThat(fields(request("HRB", "2031-06-01", "EVENING", 3))).containsExactly("halfDay");
        assertThat(fields(request("HRB", "2031-06-01", null, 3))).containsExactly("halfDay");
    }

    @Test
    void atLeastOneSeat() {
        assertThat(fields(request("HRB", "2031-06-01", "AM", 0))).containsExactly("seats");
        assertThat(fields(request("HRB", "2031-06-01", "AM", null))).containsExactly("seats");
    }

    @Test
    void thePartnerAndItsTenderAreNamedAndThePartnerIsNotThisProvince() {
        assertThat(fields(new HostingRequest("黑龙江省", "X-1", "HRB", "2031-06-01", "AM", 3)))
                .containsExactly("partnerProvince");
        assertThat(fields(new HostingRequest(" ", "X-1", "HRB", "2031-06-01", "AM", 3)))
                .containsExactly("partnerProvince");
        assertThat(fields(new HostingRequest("吉林省", "", "HRB", "2031-06-01", "AM", 3)))
                .containsExactly("partnerTenderRef");
        assertThat(fields(new HostingRequest("吉林省", "X".repeat(65), "HRB", "2031-06-01", "AM", 3)))
                .containsExactly("partnerTenderRef");
    }

    @Test
    void everyFieldAtFaultIsReportedAtOnce() {
        assertThat(fields(new HostingRequest("黑龙江", null, "MDJ", "2031-01-01", "NOON", -1))).containsExactlyInAnyOrder(
                "partnerProvince", "partnerTenderRef", "centerCode", "date", "halfDay", "seats");
        assertThat(fields(null)).containsExactly("body");
    }
}
