package cn.hlj.remoteeval.venue.internal;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;

import cn.hlj.remoteeval.security.CurrentActor;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.media.Schema;

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
    private final CurrentActor actor;

    TradingCenterController(TradingCenters centers, CurrentActor actor) {
        this.centers = centers;
        this.actor = actor;
    }

    @Schema(name = "NoticeAddress", description = "专家报到地址")
    record NoticeAddressRequest(@Schema(description = "评标区地址，写入专家抽取短信", example = "某某路 1 号交易中心 3 楼评标区") String address) {
    }

    record NoticeAddressView(String center, String address) {
    }

    @GetMapping("/{code}/notice-address")
    @Operation(summary = "查看专家报到地址")
    NoticeAddressView noticeAddress(@PathVariable String code) {
        requireCenter(code);
        return new NoticeAddressView(code, centers.noticeAddressOf(code).orElse(null));
    }

    @PutMapping("/{code}/notice-address")
    @Operation(summary = "设置专家报到地址", description = "评标专家抽取短信中的地点。本中心工作人员或运维人员可设置。")
    NoticeAddressView changeNoticeAddress(@PathVariable String code, @RequestBody(required = false) NoticeAddressRequest request) {
        requireCenter(code);
        if (!actor.isOperator() && !actor.isStaffOf(code)) {
            throw ApiProblemException.forbidden("只能设置本中心的专家报到地址。");
        }
        String address = request == null || request.address() == null ? "" : request.address().strip();
        if (address.isEmpty()) {
            throw ApiProblemException.invalid("address", "不能为空");
        }
        if (address.length() > 200) {
            throw ApiProblemException.invalid("address", "长度不能超过 200 个字符");
        }
        centers.changeNoticeAddress(code, address);
        return new NoticeAddressView(code, address);
    }

    private void requireCenter(String code) {
        if (!centers.exists(code)) {
            throw ApiProblemException.notFound("交易中心不存在：" + code);
        }
    }

    @GetMapping
    @Operation(summary = "列出全省公共资源交易中心")
    List<TradingCenter> list() {
        return centers.all();
    }
}
