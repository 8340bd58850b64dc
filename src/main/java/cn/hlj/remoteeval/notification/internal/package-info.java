/** The outbox table, its dispatcher with claims and back-off, the file and HTTP gateway adapters, and the operator's view. */
package cn.hlj.remoteeval.notification.internal;
