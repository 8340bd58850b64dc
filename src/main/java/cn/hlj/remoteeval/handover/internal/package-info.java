/** Hand-over and clue records, their storage, the delegates and task listeners of their processes, and their REST views. */
package cn.hlj.remoteeval.handover.internal;
