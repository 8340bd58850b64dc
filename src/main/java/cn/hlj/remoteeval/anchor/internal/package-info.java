/** The head statements' table, publisher, schedule, time-stamping, check and monthly sheet. */
package cn.hlj.remoteeval.anchor.internal;
