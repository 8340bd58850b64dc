package cn.hlj.remoteeval.venue;

/**
 * A public resource trading center of the province (公共资源交易中心).
 *
 * @param permanentCrossProvinceSubVenue one of the centers that host cross-province sub-venues permanently (policy 四)
 */
public record TradingCenter(String code, String name, boolean permanentCrossProvinceSubVenue) {
}
