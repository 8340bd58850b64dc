package cn.hlj.remoteeval.web;

/** One field at fault in a request, with a message for the person who sent it (in Chinese). */
public record FieldViolation(String field, String message) {
}
