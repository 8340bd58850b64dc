/** Security: who the caller is, which groups they belong to, and the authentication of /api, /engine-rest and the webapps. */
package cn.hlj.remoteeval.security;
