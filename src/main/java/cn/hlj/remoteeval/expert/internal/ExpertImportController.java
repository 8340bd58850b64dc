package cn.hlj.remoteeval.expert.internal;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/experts")
@Tag(name = "专家库")
class ExpertImportController {

    private final ExpertImports imports;
    private final ExpertAccess access;

    ExpertImportController(ExpertImports imports, ExpertAccess access) {
        this.imports = imports;
        this.access = access;
    }

    @PostMapping("/import")
    @Operation(summary = "从 Excel/CSV 导入专家库（仅专家库管理员）",
            description = "上传 .xlsx 或 UTF-8 编码的 .csv（表单字段 file），表头为：姓名,身份证号,手机号,专业代码,专家类别,工作单位,所在地市。"
                    + "专家类别填“技术”或“经济”，所在地市填交易中心代码，专业代码见 GET /api/specialties。"
                    + "按身份证号新增或更新（保留修改历史）；任一行有误则整个文件不导入（422，errors 逐项列出 第{行}行.{列名}）。"
                    + "小文件当场导入（200）；大文件在后台导入（202，Location 指向进度 /api/experts/imports/{id}）。")
    ResponseEntity<ExpertImportView> importFile(@RequestParam(name = "file", required = false) MultipartFile file) {
        access.requirePoolAdmin();
        ExpertImports.Started started = imports.start(file, access.userId());
        if (started.inBackground()) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/api/experts/imports/" + started.view().id())).body(started.view());
        }
        return ResponseEntity.ok(started.view());
    }

    @GetMapping("/imports")
    @Operation(summary = "最近的 20 次导入（仅专家库管理员）")
    List<ExpertImportView> recent() {
        access.requirePoolAdmin();
        return imports.recent();
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "查看一次导入的进度和结果（仅专家库管理员）",
            description = "state：RUNNING、SUCCEEDED、REJECTED（文件有误，未导入任何数据）、FAILED；rowsRead、rowsValid、errorCount 随校验推进更新。")
    ExpertImportView one(@PathVariable String id) {
        access.requirePoolAdmin();
        return imports.view(id);
    }
}
