package cn.hlj.remoteeval.notification.internal;

/**
 * Where messages leave the system. Implementations answer how it went instead of throwing, and
 * their reasons never contain the mobile, the text or a response body that might echo them.
 */
interface SmsGateway {

    GatewayResult send(OutgoingSms sms);
}
