/** Supervision hand-overs (policy 八): the A/V material of an evaluation and clues of wrongdoing, each watched by a deadline. */
package cn.hlj.remoteeval.handover;
