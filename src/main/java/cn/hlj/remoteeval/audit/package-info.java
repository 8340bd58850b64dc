/** The audit log: who did what to which tender, and when; append-only. */
package cn.hlj.remoteeval.audit;
