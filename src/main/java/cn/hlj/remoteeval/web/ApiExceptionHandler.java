package cn.hlj.remoteeval.web;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error of the {@code /api} controllers into {@code application/problem+json}.
 * Nothing internal (stack trace, SQL, class name) ever reaches the response; an unexpected
 * error is logged with a reference the operator can search for.
 */
@RestControllerAdvice(basePackages = "cn.hlj.remoteeval")
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** How long a caller waits before retrying when the database was busy (seconds, Retry-After). */
    static final int RETRY_AFTER_SECONDS = 5;

    private final UploadLimits uploadLimits;

    ApiExceptionHandler(UploadLimits uploadLimits) {
        this.uploadLimits = uploadLimits;
    }

    @ExceptionHandler(ApiProblemException.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblemException e) {
        return problem(e.status(), e.title(), e.getMessage(), e.violations());
    }

    /** Two changes to one record at once (a person and a background job, or two nodes): nothing was saved. */
    @ExceptionHandler(org.springframework.dao.OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(org.springframework.dao.OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "数据已被同时修改", "该记录刚被其他操作修改，本次修改未保存，请刷新后重试。", List.of());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "请求体无法解析。", List.of(JsonErrors.describe(e.getCause())));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "参数格式不正确。",
                List.of(new FieldViolation(e.getName(), "格式不正确")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "缺少必填参数。",
                List.of(new FieldViolation(e.getParameterName(), "不能为空")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "缺少上传的文件。",
                List.of(new FieldViolation(e.getRequestPartName(), "请上传文件")));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return tooLarge();
    }

    private ResponseEntity<ProblemDetail> tooLarge() {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", "上传的文件超过大小限制（" + uploadLimits.describeRequestLimit()
                + "），请拆分后分批导入。", List.of(new FieldViolation("file", "文件过大，" + uploadLimits.describeRequestLimit())));
    }

    /** A request Spring Security's firewall refused (an encoded slash, "..", a control character in the URL). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求地址不合法", "请求地址或请求头中含有不允许的字符或路径片段。", List.of());
    }

    /** A row lock not granted in time (another transaction holds it): nothing was saved; trying again helps. */
    @ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class })
    ResponseEntity<ProblemDetail> busy(DataAccessException e) {
        log.warn("Database busy, request refused with 503: {}", e.getClass().getSimpleName());
        ResponseEntity<ProblemDetail> answer = problem(HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙",
                "数据正被其他操作占用，本次操作未保存，请 " + RETRY_AFTER_SECONDS + " 秒后重试。", List.of());
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS)).body(answer.getBody());
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "请以 multipart/form-data 上传文件。",
                List.of(new FieldViolation("file", "请上传文件")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "不支持的内容类型", "请以 application/json 提交。", List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return forStatus(HttpStatus.NOT_ACCEPTABLE, e);
    }

    @ExceptionHandler(RequestShapeFilter.MalformedQueryException.class)
    ResponseEntity<ProblemDetail> malformedQuery(RequestShapeFilter.MalformedQueryException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求参数有误", "请求地址的参数编码不正确：% 后应为两位十六进制数。", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "不支持的请求方法", "该地址不支持 " + e.getMethod() + " 请求。", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "未找到", "请求的地址不存在。", List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "无权执行此操作", "当前账号无权执行此操作。", List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected error, reference {}", reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "系统内部错误",
                "系统处理请求时出错，请联系运维人员并提供错误编号 " + reference + "。", List.of());
    }

    /**
     * The answer to an error known only by its status (the servlet container's or a resolver's
     * {@code sendError}), for {@link ProblemErrorController}.
     */
    ResponseEntity<ProblemDetail> forStatus(HttpStatus status, Throwable error) {
        return switch (status) {
            case BAD_REQUEST -> problem(status, "请求参数有误", "请求的格式不正确（地址、参数或请求体无法解析）。", List.of());
            case UNAUTHORIZED -> problem(status, "需要登录", "请提供有效的账号和密码（HTTP Basic）或通过统一身份认证登录。", List.of());
            case FORBIDDEN -> problem(status, "无权执行此操作", "当前账号无权执行此操作。", List.of());
            case NOT_FOUND -> problem(status, "未找到", "请求的地址不存在。", List.of());
            case METHOD_NOT_ALLOWED -> problem(status, "不支持的请求方法", "该地址不支持此请求方法。", List.of());
            case NOT_ACCEPTABLE -> problem(status, "无法提供所需格式", "只能以 JSON 答复，请在 Accept 中允许 application/json。", List.of());
            case PAYLOAD_TOO_LARGE -> tooLarge();
            case URI_TOO_LONG, REQUEST_HEADER_FIELDS_TOO_LARGE -> problem(status, "请求过长", "请求地址或请求头过长。", List.of());
            case UNSUPPORTED_MEDIA_TYPE -> problem(status, "不支持的内容类型", "请以 application/json 提交。", List.of());
            default -> status.is4xxClientError() ? problem(status, "请求无法处理", "请求无法处理（HTTP " + status.value() + "）。", List.of())
                    : unexpected(error instanceof Exception e ? e : new IllegalStateException("HTTP " + status.value(), error));
        };
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail, List<FieldViolation> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setProperty("errors", errors);
        // Whatever the caller accepts: a refusal is always problem+json (never a 406 for the refusal itself).
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    /** Names the field a JSON parsing error is about, in the dotted path the API documents. */
    static final class JsonErrors {

        private JsonErrors() {
        }

        static FieldViolation describe(Throwable cause) {
            if (cause instanceof UnrecognizedPropertyException unknown) {
                return new FieldViolation(path(unknown), "不允许的字段「" + unknown.getPropertyName() + "」");
            }
            if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
                MismatchedInputException mismatch = (MismatchedInputException) cause;
                String field = path(mismatch);
                if (field.isEmpty()) {
                    return new FieldViolation("body", "请求体应为 JSON 对象");
                }
                return new FieldViolation(field, expectation(mismatch.getTargetType()));
            }
            if (cause instanceof JsonProcessingException parse && parse.getLocation() != null) {
                return new FieldViolation("body", "请求体不是合法的 JSON（第 " + parse.getLocation().getLineNr()
                        + " 行第 " + parse.getLocation().getColumnNr() + " 列附近）");
            }
            return new FieldViolation("body", "请求体不能为空，且必须是合法的 JSON");
        }

        private static String expectation(Class<?> type) {
            if (type == null) {
                return "格式不正确";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "应为 true 或 false";
            }
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
                return "应为整数";
            }
            if (type == String.class) {
                return "应为文本";
            }
            if (List.class.isAssignableFrom(type)) {
                return "应为数组";
            }
            return "应为 JSON 对象";
        }

        private static String path(JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference ref : e.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!path.isEmpty()) {
                        path.append('.');
                    }
                    path.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.toString();
        }
    }
}
