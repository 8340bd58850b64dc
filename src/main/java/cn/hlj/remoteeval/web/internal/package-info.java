/**
 * The web layer's own wiring: Camunda's REST resources with the mapping of refused task inputs, and the
 * workbench's addresses.
 */
package cn.hlj.remoteeval.web.internal;
