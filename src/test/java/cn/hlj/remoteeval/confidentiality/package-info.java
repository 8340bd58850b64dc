/** The confidentiality audit: canaries run through a whole tender and are searched for everywhere. */
package cn.hlj.remoteeval.confidentiality;
