/** The evaluation day's engine delegates, task listeners, records and REST views; only the module's root package is its API. */
package cn.hlj.remoteeval.evaluation.internal;
