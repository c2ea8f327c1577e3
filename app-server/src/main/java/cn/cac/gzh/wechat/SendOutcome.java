package cn.cac.gzh.wechat;

/**
 * What one send attempt came to, in WeChat's terms translated for a delivery queue.
 *
 * @param result    what to do with the message now
 * @param errorCode WeChat's errcode (0 on success or when no answer came), or the HTTP status for 5xx
 * @param reason    short English text for logs and staff ("43101 user refused", "read timed out")
 * @param msgId     the message id WeChat returned (template messages), else null
 */
public record SendOutcome(Result result, int errorCode, String reason, String msgId) {

    public enum Result {
        /** Accepted by WeChat. */
        SENT,
        /** Not sent, or sent nowhere: busy (-1), too frequent (45011), 5xx, could not connect. Try again later. */
        RETRY,
        /** Refused for good: the user refused or unfollowed, wrong openid or template (43004, 43101, 40003, 40037, 47003, …). */
        FAILED,
        /** The daily quota of this channel is used up (45009): nothing more goes out until it resets. */
        QUOTA,
        /** The request may have reached WeChat but no answer came (read time-out): it may have been sent. */
        AMBIGUOUS
    }

    public static SendOutcome sent(String msgId) {
        return new SendOutcome(Result.SENT, 0, "ok", msgId);
    }
}
