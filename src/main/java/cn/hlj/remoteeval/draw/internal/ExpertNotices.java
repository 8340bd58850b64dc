package cn.hlj.remoteeval.draw.internal;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.hlj.remoteeval.expert.ExpertContacts;
import cn.hlj.remoteeval.notification.SmsOutbox;
import cn.hlj.remoteeval.notification.VoiceCalls;
import cn.hlj.remoteeval.venue.HalfDay;
import cn.hlj.remoteeval.venue.Slot;
import cn.hlj.remoteeval.venue.TradingCenter;
import cn.hlj.remoteeval.venue.TradingCenters;

/**
 * The SMS an expert gets (policy 五: 凭抽取短信前往交易中心). It names the date, the time and the
 * center to go to, never the tender or the other experts; the reply code stands for the SMS reply.
 * Queued in the draw's transaction, so a rolled-back draw tells no one.
 */
@Component
class ExpertNotices {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日（EEEE）", Locale.CHINA);

    private final SmsOutbox outbox;
    private final ExpertContacts contacts;
    private final TradingCenters centers;
    private final ExpertDrawTiming timing;
    private final ExpertNoticeProperties properties;

    private final String answerPageUrl;
    private final VoiceCalls voiceCalls;

    ExpertNotices(SmsOutbox outbox, ExpertContacts contacts, TradingCenters centers, ExpertDrawTiming timing,
            ExpertNoticeProperties properties,
            @Value("${remote-eval.expert-notice.answer-page-url:}") String answerPageUrl, VoiceCalls voiceCalls) {
        this.voiceCalls = voiceCalls;
        this.outbox = outbox;
        this.contacts = contacts;
        this.centers = centers;
        this.timing = timing;
        this.properties = properties;
        this.answerPageUrl = answerPageUrl == null || answerPageUrl.isBlank() ? null
                : answerPageUrl.strip().replaceAll("/+$", "");
    }

    void invite(CommitteeSeat seat, String replyCode) {
        String text = properties.sender() + "您已被随机抽取为评标专家。评标时间：" + when(seat.slot()) + "；报到地点："
                + where(seat.center()) + "。请于" + hours() + "内回复：接受回复“1 " + replyCode + "”，不能参加回复“2 " + replyCode
                + "”" + (answerPageUrl == null ? "" : "，或打开 " + answerPageUrl + "/r/" + replyCode + " 答复")
                + "。请携带身份证件准时报到，勿向他人透露本短信内容。";
        send("invite:" + seat.id(), seat.expertRef(), text);
    }

    /** The voice call's script: when and where, never the tender; the provider takes the key press. */
    void call(CommitteeSeat seat) {
        String script = "您好，这里是黑龙江省远程异地评标调度系统。您已被随机抽取为评标专家，评标时间" + when(seat.slot())
                + "，报到地点" + where(seat.center()) + "。接受请按 1，不能参加请按 2。";
        contacts.contactOf(seat.expertRef()).ifPresentOrElse(
                contact -> voiceCalls.call("voice:" + seat.id(), contact.mobile(), script, seat.id()), () -> {
                    throw new IllegalStateException("no contact data for an invited expert");
                });
    }

    void cancel(CommitteeSeat seat) {
        String text = properties.sender() + "原定" + when(seat.slot()) + "在" + centerName(seat.center())
                + "的评标邀请已取消，无需前往。感谢您的支持。";
        send("cancel:" + seat.id(), seat.expertRef(), text);
    }

    private void send(String idempotencyKey, String expertRef, String text) {
        contacts.contactOf(expertRef).ifPresentOrElse(contact -> outbox.enqueue(idempotencyKey, contact.mobile(), text),
                () -> {
                    throw new IllegalStateException("no contact data for an invited expert");
                });
    }

    String when(Slot slot) {
        return slot.date().format(DATE) + (slot.halfDay() == HalfDay.AM ? "上午 " : "下午 ") + timing.sessionStart(slot.halfDay());
    }

    String where(String centerCode) {
        String name = centerName(centerCode);
        return centers.noticeAddressOf(centerCode).map(address -> name + "（" + address + "）").orElse(name);
    }

    private String centerName(String centerCode) {
        return centers.find(centerCode).map(TradingCenter::name).orElse(centerCode);
    }

    private String hours() {
        long minutes = properties.answerWindow().toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " 小时" : minutes + " 分钟";
    }
}
