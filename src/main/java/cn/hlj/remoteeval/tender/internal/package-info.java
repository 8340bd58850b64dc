/** The tender aggregate, its storage, its REST adapter, and the thin adapters to the lifecycle process. */
package cn.hlj.remoteeval.tender.internal;
