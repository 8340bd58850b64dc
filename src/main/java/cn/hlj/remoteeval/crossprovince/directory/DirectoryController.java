package cn.hlj.remoteeval.crossprovince.directory;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.hlj.remoteeval.crossprovince.internal.ProvincialCenterAccess;
import cn.hlj.remoteeval.web.ApiProblemException;

@RestController
@Tag(name = "跨省远程异地评标")
class DirectoryController {

    private final DirectoryQueries queries;
    private final ProvincialCenterAccess access;

    DirectoryController(DirectoryQueries queries, ProvincialCenterAccess access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/api/cross-province/directories")
    @Operation(summary = "共享目录（评标专家共享目录、跨省评标工位目录）",
            description = "按合作省份列出对方发来的最新目录（只有人数与工位数，不含任何姓名）和本省最近一次向其发布的目录。"
                    + "仅省公共资源交易中心工作人员和运维人员可查看。")
    List<DirectoryView> directories(@Parameter(description = "只看这个合作省份（省份代码）", example = "JL")
            @RequestParam(required = false) String partner) {
        access.require();
        if (partner == null || partner.isBlank()) {
            return queries.partners(null);
        }
        String code = partner.strip().toUpperCase();
        if (!code.matches("[A-Z]{2,8}")) {
            throw ApiProblemException.invalid("partner", "合作省份代码应为 2 至 8 个大写字母，如 JL");
        }
        List<DirectoryView> one = queries.partners(code);
        if (one.isEmpty()) {
            throw ApiProblemException.notFound("合作省份不在登记册中：" + code);
        }
        return one;
    }
}
