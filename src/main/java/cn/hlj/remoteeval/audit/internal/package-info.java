/** Storage of the audit log and the listeners that fill it from other modules' events. */
package cn.hlj.remoteeval.audit.internal;
