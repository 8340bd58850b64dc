package cn.hlj.remoteeval.crossprovince.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PartnerRequestsUnitTest {

    @ParameterizedTest(name = "a committee of {0} asks the partner for {1} seats")
    @CsvSource({ "1, 1", "3, 2", "5, 4", "7, 5", "9, 6", "13, 9" })
    void thePartnerIsAskedForTheCommitteeLessTheMainVenuesThird(int committee, int asked) {
        assertThat(PartnerRequests.partnerSeats(committee)).isEqualTo(asked);
    }
}
