/**
 * Storage of the audit log, the listeners that fill it from other modules' events, and the sealer
 * and verifier of its hash chain.
 */
package cn.hlj.remoteeval.audit.internal;
