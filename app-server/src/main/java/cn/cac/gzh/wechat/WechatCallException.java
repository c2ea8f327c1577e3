package cn.cac.gzh.wechat;

/** A WeChat API call failed; {@link #kind()} says whether retrying can help. */
public class WechatCallException extends RuntimeException {

    /** How a caller should react. */
    public enum Kind {
        /** The code from the client is invalid, used or expired (40029, 40163): ask the user again. */
        REJECTED_CODE,
        /** WeChat refuses this user (40226 risky user). */
        REFUSED_USER,
        /** Busy, rate-limited, unreachable or any other failure: try again later. */
        UNAVAILABLE
    }

    private final Kind kind;
    private final int errorCode;

    public WechatCallException(Kind kind, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.errorCode = errorCode;
    }

    public Kind kind() {
        return kind;
    }

    /** WeChat's errcode, or 0 when the call did not get an answer. */
    public int errorCode() {
        return errorCode;
    }
}
