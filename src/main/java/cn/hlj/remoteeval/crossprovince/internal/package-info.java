/** Validation, storage and web adapters of the cross-province module. */
package cn.hlj.remoteeval.crossprovince.internal;
