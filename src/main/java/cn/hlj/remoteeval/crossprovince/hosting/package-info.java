/**
 * Partners' tenders hosted here (this province as sub-venue) on cross-province workstations: the booking, the
 * hosted session's duties on its evaluation day (process hosted-session) with its messages to the partner, and the
 * module's figures for the monthly report.
 */
package cn.hlj.remoteeval.crossprovince.hosting;
