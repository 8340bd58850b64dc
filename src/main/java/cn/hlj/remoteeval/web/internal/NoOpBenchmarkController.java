package cn.hlj.remoteeval.web.internal;

import org.springframework.context.annotation.Profile;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * The ceiling for {@code bench/run-registration.sh}: a POST under {@code /api} that goes through the
 * same servlet container, HTTP Basic authentication and body reading as {@code POST /api/tenders},
 * and then does nothing. Exists only under the {@code bench} profile.
 */
@RestController
@Profile("bench")
@Hidden
class NoOpBenchmarkController {

    @PostMapping("/api/bench/noop")
    ResponseEntity<Void> noop(@RequestBody(required = false) String body) {
        return ResponseEntity.noContent().build();
    }
}
