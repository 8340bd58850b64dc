/** Tender sections: registration, the facts their lifecycle process runs on, and the lifecycle's waits. */
package cn.hlj.remoteeval.tender;
