/** Scope of remote evaluation: the policy's categories, the cross-/intra-province decision and the intra-province rollout. */
package cn.hlj.remoteeval.scope;
