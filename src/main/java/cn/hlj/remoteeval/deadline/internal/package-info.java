/** The calendar tables, the deadline table, the Quartz triggers that fire deadlines, and their API. */
package cn.hlj.remoteeval.deadline.internal;
