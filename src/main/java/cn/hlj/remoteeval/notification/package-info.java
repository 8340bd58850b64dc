/** Notices to experts by SMS: an outbox in the application's database, sent with retries through a gateway port. */
package cn.hlj.remoteeval.notification;
