package cn.hlj.remoteeval.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error the caller caused. It becomes an RFC 7807 problem response with the given status,
 * title and field violations; the transaction it was thrown in rolls back, so nothing changes.
 */
public class ApiProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldViolation> violations;

    public ApiProblemException(HttpStatus status, String title, String detail, List<FieldViolation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ApiProblemException invalid(List<FieldViolation> violations) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "请求参数有误",
                "请求中有 " + violations.size() + " 处错误，请按 errors 逐项修改后重新提交。", violations);
    }

    public static ApiProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    public static ApiProblemException notFound(String what) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "未找到", what, List.of());
    }

    public static ApiProblemException conflict(String detail, String field, String message) {
        return new ApiProblemException(HttpStatus.CONFLICT, "与现有数据冲突", detail,
                field == null ? List.of() : List.of(new FieldViolation(field, message)));
    }

    public static ApiProblemException forbidden(String detail) {
        return new ApiProblemException(HttpStatus.FORBIDDEN, "无权执行此操作", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
