/**
 * This province as main venue: the evaluation day of the sessions a partner province holds for one of its
 * tenders, as the partner reports it through the exchange (started, ended, report signed), offered to the
 * evaluation module through its {@link cn.hlj.remoteeval.evaluation.RemoteSessions} port.
 */
package cn.hlj.remoteeval.crossprovince.progress;
