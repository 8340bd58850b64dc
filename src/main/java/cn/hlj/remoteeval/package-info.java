/** Remote off-site evaluation dispatch (远程异地评标): application root and cross-cutting infrastructure. */
package cn.hlj.remoteeval;
