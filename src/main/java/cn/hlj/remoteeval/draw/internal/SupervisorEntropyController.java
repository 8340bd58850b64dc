package cn.hlj.remoteeval.draw.internal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.draw.internal.SupervisorEntropyService.Contribution;
import cn.hlj.remoteeval.draw.internal.SupervisorEntropyService.Status;
import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/tenders/{id}/draw-entropy")
@Tag(name = "监督随机数")
class SupervisorEntropyController {

    private final SupervisorEntropyService entropy;

    SupervisorEntropyController(SupervisorEntropyService entropy) {
        this.entropy = entropy;
    }

    @Schema(name = "DrawEntropyCommitment", description = "监督人员随机数的承诺：SHA-256(随机数 + 换行 + 盐值)，在浏览器中计算")
    record CommitRequest(@Schema(description = "64 位小写十六进制") String commitment) {
    }

    @Schema(name = "DrawEntropyReveal", description = "抽取读取候选名单后揭示的随机数和盐值")
    record RevealRequest(@Schema(description = "监督人员输入或掷出的随机数") String value,
            @Schema(description = "页面生成的盐值，32 位小写十六进制") String salt) {
    }

    @GetMapping
    @Operation(summary = "查看监督随机数的进度", description = "仅主场行政监督人员：等待承诺的抽取，以及最近一项承诺的状态和抽取公告。")
    Status status(@PathVariable String id) {
        return entropy.status(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "提交监督随机数的承诺", description = "完成“提交监督随机数”待办，流程随即开始抽取；随机数本身在抽取读取候选名单后才揭示。")
    Contribution commit(@PathVariable String id, @RequestBody(required = false) CommitRequest request) {
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        return entropy.commit(id, request.commitment());
    }

    @PostMapping("/{contributionId}/reveal")
    @Operation(summary = "揭示监督随机数", description = "仅在抽取已读取候选名单、等待揭示时；须与承诺相符。")
    Contribution reveal(@PathVariable String id, @PathVariable String contributionId,
            @RequestBody(required = false) RevealRequest request) {
        if (request == null) {
            throw ApiProblemException.invalid("body", "请求体不能为空");
        }
        return entropy.reveal(id, contributionId, request.value(), request.salt());
    }
}
