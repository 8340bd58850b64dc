package cn.hlj.remoteeval.crossprovince.exchange;

/**
 * A message cannot be queued for a partner: it is not in the register, is suspended, or has no key or
 * address yet. The business step that wanted to send fails with it, so that nothing waits for an
 * answer that cannot come.
 */
public class PartnerUnreachable extends RuntimeException {

    private final String partner;

    public PartnerUnreachable(String partner, String message) {
        super(message);
        this.partner = partner;
    }

    public String partner() {
        return partner;
    }
}
