package cn.hlj.remoteeval.venue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

    /**
     * Policy 四, for the cross-province workstation directory: per center, the workstations registered for
     * cross-province evaluation and in service on the date (bookings do not matter). A center without any
     * is left out. Read-only; the module's directory implements it.
     */
    default Map<String, Integer> crossProvinceWorkstationsInService(LocalDate date) {
        throw new UnsupportedOperationException("crossProvinceWorkstationsInService");
    }
}
