/** The evaluation day at the main venue and every sub-venue: duties, incidents, report signing and its end. */
package cn.hlj.remoteeval.evaluation;
