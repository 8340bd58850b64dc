/** Shared web conventions: RFC 7807 problem responses for errors a user can cause, with messages in Chinese. */
package cn.hlj.remoteeval.web;
