/** Assembly of the monthly report from the modules' sources, its Excel workbook and its API. */
package cn.hlj.remoteeval.reporting.internal;
