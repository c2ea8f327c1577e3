package cn.cac.gzh.delivery;

/** Failed deliveries with one error code, and one of their reasons as an example. */
public record FailureGroup(Channel channel, String errorCode, String example, long count) {
}
