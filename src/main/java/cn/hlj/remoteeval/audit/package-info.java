/**
 * The audit log: who did what to which tender, and when; append-only, and hash-chained after the
 * fact by a sealer so that a row changed or deleted in the database shows in the operator's check.
 */
package cn.hlj.remoteeval.audit;
