package cn.hlj.remoteeval.crossprovince.exchange;

/** Why an incoming envelope was refused; recorded with the message id, and answered to the sender. */
public enum RefusalReason {

    MALFORMED("报文格式不符合报文规范"),
    UNKNOWN_SENDER("发送方不是已登记的合作省份或未登记公钥"),
    WRONG_RECEIVER("接收方不是本省"),
    STALE("报文时间超出允许范围"),
    BAD_SIGNATURE("签名验证失败"),
    REPLAY("报文编号已处理过（重放）"),
    UNSEALABLE("密封部分无法解密"),
    SEQUENCE_TAKEN("序号已被该发送方的另一报文使用");

    private final String label;

    RefusalReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
