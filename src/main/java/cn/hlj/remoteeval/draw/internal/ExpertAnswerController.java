package cn.hlj.remoteeval.draw.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.hlj.remoteeval.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The expert's answer to the invitation SMS. Stands in for the SMS gateway's reply callback (or a
 * voice call-back): the reply code from the SMS identifies the invitation, nothing else does, and
 * the answer says nothing about the tender. A client with too many unknown, expired or used codes
 * lately is not heard for a while (429), whatever code it brings.
 */
@RestController
@RequestMapping("/api/expert-invitations")
@Tag(name = "评标专家答复")
class ExpertAnswerController {

    private static final Logger log = LoggerFactory.getLogger(ExpertAnswerController.class);

    private final ExpertDrawService draws;
    private final FailedReplyAttempts failures;

    ExpertAnswerController(ExpertDrawService draws, FailedReplyAttempts failures) {
        this.draws = draws;
        this.failures = failures;
    }

    @Schema(name = "ExpertAnswer", description = "专家对抽取短信的答复")
    record AnswerRequest(@Schema(description = "ACCEPT（接受，短信回复 1）| DECLINE（不能参加，短信回复 2）") String answer) {
    }

    record AnswerView(@Schema(description = "ACCEPTED | DECLINED | WITHDRAWN") String result, String message) {
    }

    @PostMapping("/{replyCode}/answer")
    @Operation(summary = "专家答复抽取短信", description = "代替短信回复。拒绝或超时未答复的席位由系统按同样规则补抽。")
    AnswerView answer(@PathVariable String replyCode, @RequestBody(required = false) AnswerRequest request,
            HttpServletRequest http) {
        String client = http.getRemoteAddr();
        if (failures.blocked(FailedReplyAttempts.Channel.ANSWER_CLIENT, client)) {
            log.warn("Expert answer refused: too many failed attempts from its client");
            throw new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, "尝试次数过多", "尝试次数过多，请稍后再试。", List.of());
        }
        String answer = request == null || request.answer() == null ? "" : request.answer().strip();
        boolean accept = switch (answer) {
            case "ACCEPT", "1" -> true;
            case "DECLINE", "2" -> false;
            default -> throw ApiProblemException.invalid("answer", "请答复 ACCEPT（接受）或 DECLINE（不能参加）");
        };
        try {
            ExpertDrawService.AnswerOutcome outcome = draws.answer(replyCode, accept);
            return new AnswerView(outcome.name(), outcome.message());
        } catch (ApiProblemException e) {
            failures.failed(FailedReplyAttempts.Channel.ANSWER_CLIENT, client);
            log.info("Expert answer with a code of no open invitation");
            throw e;
        }
    }
}
