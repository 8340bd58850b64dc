package cn.hlj.remoteeval.venue;

import java.util.List;
import java.util.Optional;

/** The directory of the province's trading centers, seeded by migration and editable afterwards. */
public interface TradingCenters {

    List<TradingCenter> all();

    Optional<TradingCenter> find(String code);

    default boolean exists(String code) {
        return code != null && find(code).isPresent();
    }
}
