package cn.hlj.remoteeval.venue.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.security.AccountCenters;
import cn.hlj.remoteeval.venue.TradingCenters;

/** Tells security which centers have staff and supervisors, without security depending on venue. */
@Component
class TradingCenterAccounts implements AccountCenters {

    private final TradingCenters centers;

    TradingCenterAccounts(TradingCenters centers) {
        this.centers = centers;
    }

    @Override
    public List<Center> centers() {
        return centers.all().stream().map(center -> new Center(center.code(), center.name())).toList();
    }
}
