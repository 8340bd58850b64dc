package cn.hlj.remoteeval.draw.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

import cn.hlj.remoteeval.web.ApiProblemException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The expert's answer page on a phone (H5), reached from the short link in the invitation SMS:
 * {@code /r/{reply code}}, no sign-in. It shows when and where to report, never the tender, with
 * 接受 and 不能参加. The link works once: after an answer (by this page, by SMS or by any other way)
 * it only says that the invitation was answered or is no longer open. A client that lately opened
 * or answered too many unknown, expired or used links gets only "too many attempts" for a while,
 * whatever link it brings. Nothing logged names the code.
 */
@Controller
@RequestMapping("/r")
class ExpertAnswerPage {

    private static final Logger log = LoggerFactory.getLogger(ExpertAnswerPage.class);
    private static final ZoneId PROVINCE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA);

    private final CommitteeSeats seats;
    private final ExpertDrawService draws;
    private final ExpertNotices notices;
    private final FailedReplyAttempts failures;

    ExpertAnswerPage(CommitteeSeats seats, ExpertDrawService draws, ExpertNotices notices, FailedReplyAttempts failures) {
        this.seats = seats;
        this.draws = draws;
        this.notices = notices;
        this.failures = failures;
    }

    @GetMapping("/{code}")
    ResponseEntity<String> show(@PathVariable String code, HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (blocked(client)) {
            return tooManyAttempts();
        }
        Optional<CommitteeSeat> seat = invitation(code);
        if (seat.isEmpty()) {
            failed(client, "unknown link");
            return unknownLink();
        }
        CommitteeSeat invited = seat.get();
        if (invited.state() != SeatState.INVITED) {
            failed(client, "invitation already settled");
            return page(HttpStatus.OK, "邀请已处理", "<p id=\"result\">" + settled(invited) + "</p>");
        }
        String body = "<p>您已被随机抽取为评标专家，请确认能否参加。</p>"
                + "<dl><dt>评标时间</dt><dd id=\"when\">" + esc(notices.when(invited.slot())) + "</dd>"
                + "<dt>报到地点</dt><dd id=\"where\">" + esc(notices.where(invited.center())) + "</dd>"
                + "<dt>请在此前答复</dt><dd id=\"due\">" + esc(DUE.format(invited.answerDueAt().atZone(PROVINCE))) + "</dd></dl>"
                + "<form method=\"post\" class=\"answers\">"
                + "<button type=\"submit\" name=\"answer\" value=\"ACCEPT\" id=\"accept\">接受</button>"
                + "<button type=\"submit\" name=\"answer\" value=\"DECLINE\" id=\"decline\" class=\"secondary\">不能参加</button>"
                + "</form><p class=\"note\">请携带身份证件准时报到，勿向他人透露本页内容。</p>";
        return page(HttpStatus.OK, "评标专家邀请", body);
    }

    @PostMapping(value = "/{code}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> answer(@PathVariable String code, @RequestParam(required = false) String answer,
            HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (blocked(client)) {
            return tooManyAttempts();
        }
        boolean accept;
        if ("ACCEPT".equals(answer)) {
            accept = true;
        } else if ("DECLINE".equals(answer)) {
            accept = false;
        } else {
            return page(HttpStatus.BAD_REQUEST, "请选择", "<p id=\"result\">请选择“接受”或“不能参加”。</p>");
        }
        try {
            String result = draws.answer(code, accept).message();
            log.info("Answer page settled an invitation");
            return page(HttpStatus.OK, "答复已收到", "<p id=\"result\">" + esc(result) + "</p>");
        } catch (ApiProblemException e) {
            failed(client, e.status() == HttpStatus.CONFLICT ? "invitation already settled" : "unknown link");
            return e.status() == HttpStatus.CONFLICT
                    ? page(HttpStatus.CONFLICT, "邀请已处理", "<p id=\"result\">" + esc(e.getMessage()) + "</p>")
                    : unknownLink();
        }
    }

    private boolean blocked(String client) {
        if (!failures.blocked(FailedReplyAttempts.Channel.ANSWER_CLIENT, client)) {
            return false;
        }
        log.warn("Answer page refused: too many failed attempts from its client");
        return true;
    }

    private void failed(String client, String what) {
        failures.failed(FailedReplyAttempts.Channel.ANSWER_CLIENT, client);
        log.info("Answer page: {}", what);
    }

    private static ResponseEntity<String> unknownLink() {
        return page(HttpStatus.NOT_FOUND, "链接无效", "<p id=\"result\">该链接无效，请核对短信中的链接，或按短信回复。</p>");
    }

    private static ResponseEntity<String> tooManyAttempts() {
        return page(HttpStatus.TOO_MANY_REQUESTS, "请稍后再试", "<p id=\"result\">尝试次数过多，请稍后再试。</p>");
    }

    private Optional<CommitteeSeat> invitation(String code) {
        return ReplyCodes.isWellFormed(code) ? seats.byTokenHash(ReplyCodes.hash(code)) : Optional.empty();
    }

    private static String settled(CommitteeSeat seat) {
        return switch (seat.state()) {
            case ACCEPTED -> "您已确认参加，无需重复答复。报到时间、地点见邀请短信。";
            case DECLINED -> "您已答复不能参加，无需重复答复。感谢告知。";
            default -> "该邀请已失效（已超过答复时限或已取消），无需前往。";
        };
    }

    private static ResponseEntity<String> page(HttpStatus status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>" + esc(title) + " · 远程异地评标</title><link rel=\"stylesheet\" href=\"/css/remote-eval.css\">"
                + "<style>main{max-width:32rem}dl dt{color:#555;margin-top:.8rem}dl dd{margin:0;font-size:1.15rem}"
                + ".answers{display:flex;gap:1rem;margin:1.5rem 0}.answers button{flex:1;font-size:1.2rem;padding:.9rem}"
                + ".answers .secondary{background:#fff;color:#333;border:1px solid #999}.note{color:#555}</style>"
                + "</head><body><main><h1 id=\"title\">" + esc(title) + "</h1>" + body + "</main></body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore()).header("Referrer-Policy", "no-referrer").body(html);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
