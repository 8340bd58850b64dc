/** The evaluation day at the main venue and the sub-venues; for now only the event that ends it. */
package cn.hlj.remoteeval.evaluation;
