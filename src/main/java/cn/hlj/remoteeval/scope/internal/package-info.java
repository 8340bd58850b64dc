/** Loading of the rollout file under config/. */
package cn.hlj.remoteeval.scope.internal;
