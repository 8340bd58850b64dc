package cn.hlj.remoteeval.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** The refusals that cannot be provoked reliably over HTTP in a test (a lock wait) and the limit's wording. */
class ApiExceptionHandlerUnitTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler(new UploadLimits(multipart(), 0.01,
            DataSize.ofMegabytes(256)));

    private static MultipartProperties multipart() {
        MultipartProperties properties = new MultipartProperties();
        properties.setMaxFileSize(DataSize.ofMegabytes(64));
        properties.setMaxRequestSize(DataSize.ofMegabytes(64));
        return properties;
    }

    @Test
    void aLockWaitTimeoutIs503WithRetryAfterAndNothingInternal() {
        ResponseEntity<ProblemDetail> answer = handler.busy(new CannotAcquireLockException(
                "Lock wait timeout exceeded; try restarting transaction; SQL [update tender set version = ?]"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getDetail()).contains("5 秒后重试").doesNotContain("SQL").doesNotContain("tender");
        assertThat(handler.busy(new QueryTimeoutException("timeout")).getStatusCode())
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void anUploadOverTheLimitNamesTheLimit() {
        ResponseEntity<ProblemDetail> answer = handler.tooLarge(new MaxUploadSizeExceededException(-1));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(answer.getBody().getDetail()).contains("单个文件不超过 64 MB").contains("一次上传不超过 64 MB");
    }

    @Test
    void aStatusWithoutAnExceptionStillGetsAChineseProblem() {
        for (HttpStatus status : new HttpStatus[] { HttpStatus.BAD_REQUEST, HttpStatus.NOT_FOUND,
                HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.NOT_ACCEPTABLE, HttpStatus.URI_TOO_LONG,
                HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, HttpStatus.UNSUPPORTED_MEDIA_TYPE, HttpStatus.I_AM_A_TEAPOT }) {
            ResponseEntity<ProblemDetail> answer = handler.forStatus(status, null);
            assertThat(answer.getStatusCode()).isEqualTo(status);
            assertThat(answer.getBody().getDetail()).as(status.toString()).isNotBlank().matches(".*[\\u4e00-\\u9fa5].*");
        }
    }
}
