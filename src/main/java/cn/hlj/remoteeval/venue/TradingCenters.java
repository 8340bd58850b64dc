package cn.hlj.remoteeval.venue;

import java.util.List;
import java.util.Optional;

/** The directory of the province's trading centers, seeded by migration and editable afterwards. */
public interface TradingCenters {

    List<TradingCenter> all();

    Optional<TradingCenter> find(String code);

    /** The address experts are told to go to (评标区地址); empty when the center has not entered one. */
    Optional<String> noticeAddressOf(String code);

    /** Sets the address experts are told to go to. */
    void changeNoticeAddress(String code, String address);

    default boolean exists(String code) {
        return code != null && find(code).isPresent();
    }
}
