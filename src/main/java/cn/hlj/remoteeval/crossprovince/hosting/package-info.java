/** Partners' tenders hosted here (this province as sub-venue) on cross-province workstations, and the module's figures for the monthly report. */
package cn.hlj.remoteeval.crossprovince.hosting;
