/** Spring Security and Camunda identity adapters, and the demo accounts of the default profile. */
package cn.hlj.remoteeval.security.internal;
