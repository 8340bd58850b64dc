package cn.hlj.remoteeval.crossprovince.hosting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.crossprovince.internal.Fields;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import cn.hlj.remoteeval.web.ApiProblemException;
import cn.hlj.remoteeval.web.FieldViolation;

/**
 * Checks a hosting request completely. A partner's tender may be hosted only at a permanent
 * cross-province sub-venue (policy 四: the provincial center, Harbin and Qiqihar); which centers
 * those are comes from the trading-center directory, not from this code.
 */
@Component
class HostingValidator {

    private final TradingCenters centers;
    private final Clock clock;

    HostingValidator(TradingCenters centers, Clock clock) {
        this.centers = centers;
        this.clock = clock;
    }

    HostingRegistration validate(HostingRequest request) {
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        List<FieldViolation> violations = new ArrayList<>();
        String partner = Fields.partnerProvince("partnerProvince", "合作省份", request.partnerProvince(), violations);
        String ref = Fields.text("partnerTenderRef", "合作省份项目编号", request.partnerTenderRef(), 64, violations);
        String center = center(request.centerCode(), violations);
        LocalDate date = Fields.date("date", "评标日期", request.date(), violations);
        if (date != null && date.isBefore(LocalDate.now(clock))) {
            violations.add(new FieldViolation("date", "评标日期不能早于今天"));
            date = null;
        }
        HalfDay halfDay = Fields.enumValue("halfDay", "半天时段", request.halfDay(), HalfDay.class, violations);
        Integer seats = Fields.atLeast("seats", "跨省评标工位数", request.seats(), 1, violations);
        if (!violations.isEmpty()) {
            throw ApiProblemException.invalid(violations);
        }
        return new HostingRegistration(partner, ref, center, new Slot(date, halfDay), seats);
    }

    private String center(String value, List<FieldViolation> violations) {
        String code = Fields.text("centerCode", "承接交易中心", value, 16, violations);
        if (code == null) {
            return null;
        }
        Optional<TradingCenter> center = centers.find(code);
        if (center.isEmpty()) {
            violations.add(new FieldViolation("centerCode", "承接交易中心代码不存在：" + code));
            return null;
        }
        if (!center.get().permanentCrossProvinceSubVenue()) {
            List<String> permanent = centers.all().stream().filter(TradingCenter::permanentCrossProvinceSubVenue)
                    .map(c -> c.name() + "（" + c.code() + "）").toList();
            violations.add(new FieldViolation("centerCode", "承接交易中心应为常态化保障跨省远程异地评标的副场："
                    + String.join("、", permanent)));
            return null;
        }
        return center.get().code();
    }
}
