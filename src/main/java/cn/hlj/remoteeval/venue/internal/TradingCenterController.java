package cn.hlj.remoteeval.venue.internal;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/centers")
@Tag(name = "交易中心")
class TradingCenterController {

    private final TradingCenters centers;

    TradingCenterController(TradingCenters centers) {
        this.centers = centers;
    }

    @GetMapping
    @Operation(summary = "列出全省公共资源交易中心")
    List<TradingCenter> list() {
        return centers.all();
    }
}
