package cn.hlj.remoteeval.crossprovince.jointtest;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.crossprovince.internal.ProvincialCenterAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The joint test of a partner province: run by the provincial center's staff or the operators (who keep
 * the register and the exchange's keys), and read by them.
 */
@RestController
@RequestMapping("/api/partner-provinces/{code}/joint-tests")
@Tag(name = "合作省份")
class JointTestController {

    private final JointTestService joint;
    private final ProvincialCenterAccess access;

    JointTestController(JointTestService joint, ProvincialCenterAccess access) {
        this.joint = joint;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "对合作省份进行联调测试", description = "向该省节点发送连通性测试报文（PING），逐项检验连通与签名、重复投递、"
            + "篡改报文、过期报文、错误接收方和格式错误；全部通过且该省为“洽谈中”时，登记为“已通过联调测试”。须已登记交换公钥和报文接收地址。")
    ResponseEntity<JointTestRunView> run(@PathVariable String code) {
        String user = access.require();
        JointTestRunView run = joint.run(code, user);
        return ResponseEntity.created(URI.create("/api/partner-provinces/" + run.partner() + "/joint-tests/" + run.id()))
                .body(run);
    }

    @GetMapping
    @Operation(summary = "合作省份的联调测试记录", description = "最近 " + JointTestStore.LIST_MAX + " 次，最新的在前，含各场景结果。")
    List<JointTestRunView> list(@PathVariable String code) {
        access.require();
        return joint.runs(code);
    }

    @GetMapping("/{runId}")
    @Operation(summary = "查看一次联调测试")
    JointTestRunView get(@PathVariable String code, @PathVariable String runId) {
        access.require();
        return joint.find(code, runId);
    }
}
