/** What the module's parts share: the provinces' names, the reading of request fields and the provincial center's access check. */
package cn.hlj.remoteeval.crossprovince.internal;
