package cn.hlj.remoteeval.draw.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an expert's SMS reply as people type it on a phone: "1 CODE" accepts, "2 CODE" declines,
 * in full-width or half-width characters, with any spaces (or none) and in any case.
 */
final class SmsReplies {

    private static final Pattern REPLY = Pattern.compile("([12])([0-9A-Z]{12})");

    record Reply(boolean accept, String replyCode) {
    }

    private SmsReplies() {
    }

    static Optional<Reply> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        // NFKC turns full-width digits, letters and the ideographic space into their ASCII forms.
        String compact = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]+", "")
                .toUpperCase(Locale.ROOT);
        Matcher reply = REPLY.matcher(compact);
        if (!reply.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Reply(reply.group(1).equals("1"), reply.group(2)));
    }
}
