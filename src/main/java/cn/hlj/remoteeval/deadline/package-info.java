/**
 * Deadlines on the official working-day calendar: the calendar itself, and deadlines that remind,
 * escalate when breached and fire exactly once through a clustered Quartz job store.
 */
package cn.hlj.remoteeval.deadline;
