package cn.hlj.remoteeval.crossprovince.partners;

/** The bodies of the partner register's requests; dates as ISO strings so that a bad one gets a Chinese message. */
final class PartnerProvinceRequests {

    private PartnerProvinceRequests() {
    }

    record Registration(String code, String negotiationStartedOn) {
    }

    record JointTest(String passedOn) {
    }

    record Connection(String connectedOn) {
    }

    record Suspension(String suspendedOn, String reason) {
    }

    record Resumption(String resumedOn) {
    }
}
