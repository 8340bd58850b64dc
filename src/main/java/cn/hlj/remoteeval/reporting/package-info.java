/** The monthly report to the provincial DRC: figures per center and for the province, computed from the modules' own records, and its Excel workbook. */
package cn.hlj.remoteeval.reporting;
