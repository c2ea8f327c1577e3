package cn.cac.gzh.officialaccount.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import cn.cac.gzh.common.web.RequestRateLimits;
import cn.cac.gzh.officialaccount.internal.PortalMetrics.Outcome;
import cn.cac.gzh.wechat.WechatProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * WeChat's server configuration (服务器配置) endpoint {@code /wechat/portal/{appid}}: GET verifies,
 * POST carries messages and events, plain or safe mode, answered in the same mode.
 *
 * <p>A plain servlet filter in front of everything else: WeChat's servers need no session, no CSRF,
 * no MVC dispatch and no per-request metrics, and the portal checks WeChat's own signatures. At a few
 * thousand callbacks a second that framework work was most of the cost (docs/performance.md).
 */
class PortalFilter extends OncePerRequestFilter {

    static final String PREFIX = "/wechat/portal/";
    static final int MAX_BODY = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(PortalFilter.class);

    private final OfficialAccountInbox inbox;
    private final MessageCrypto crypto;
    private final String appId;
    private final Duration maxAge;
    private final Clock clock;
    private final RequestRateLimits limits;
    private final PortalMetrics metrics;

    PortalFilter(OfficialAccountInbox inbox, WechatProperties wechat, Clock clock, RequestRateLimits limits,
            PortalMetrics metrics) {
        this.metrics = metrics;
        this.limits = limits;
        this.inbox = inbox;
        this.appId = wechat.mp().appId();
        this.crypto = new MessageCrypto(wechat.mp().token(), wechat.mp().aesKey(), appId);
        this.maxAge = wechat.mp().callbackMaxAge();
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        Outcome outcome = Outcome.FAILED;
        try {
            outcome = handle(request, response);
        } finally {
            metrics.record(outcome, System.nanoTime() - start);
        }
    }

    private Outcome handle(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // per client IP; WeChat's servers call from few addresses, so the limit is generous
        long retryAfter = limits.check(RequestRateLimits.PORTAL, request.getRemoteAddr());
        if (retryAfter > 0) {
            response.setHeader("Retry-After", Long.toString(retryAfter));
            answer(response, 429, "text/plain", "too many requests");
            return Outcome.REFUSED;
        }
        String appid = request.getRequestURI().substring(PREFIX.length());
        if (!appId.equals(appid)) {
            answer(response, 404, "text/plain", "not found");
            return Outcome.REFUSED;
        }
        return switch (request.getMethod()) {
            case "GET" -> verify(request, response);
            case "POST" -> receive(request, response);
            default -> {
                answer(response, 405, "text/plain", "method not allowed");
                yield Outcome.REFUSED;
            }
        };
    }

    private Outcome verify(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String echostr = request.getParameter("echostr");
        if (!crypto.plainSignatureMatches(request.getParameter("signature"), request.getParameter("timestamp"),
                request.getParameter("nonce")) || echostr == null) {
            return forbidden(response, "signature");
        }
        answer(response, 200, "text/plain", echostr);
        return Outcome.REPLY;
    }

    private Outcome receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = readBounded(request.getInputStream());
        if (body == null) {
            answer(response, 413, "text/plain", "too large");
            return Outcome.REFUSED;
        }
        String timestamp = request.getParameter("timestamp");
        String nonce = request.getParameter("nonce");
        if (stale(timestamp)) {
            return forbidden(response, "timestamp");
        }
        boolean safeMode = "aes".equalsIgnoreCase(request.getParameter("encrypt_type"));
        try {
            String xml;
            if (safeMode) {
                String encrypted = SafeXml.fields(body).get("Encrypt");
                if (!crypto.messageSignatureMatches(request.getParameter("msg_signature"), timestamp, nonce, encrypted)) {
                    return forbidden(response, "msg_signature");
                }
                xml = crypto.decrypt(encrypted);
            } else {
                if (!crypto.plainSignatureMatches(request.getParameter("signature"), timestamp, nonce)) {
                    return forbidden(response, "signature");
                }
                xml = body;
            }
            String reply = inbox.receive(xml, SafeXml.fields(xml));
            if (reply.isEmpty()) {
                answer(response, 200, "text/plain", "success");
                return Outcome.EMPTY;
            }
            answer(response, 200, "application/xml", safeMode ? seal(reply) : reply);
            return Outcome.REPLY;
        } catch (SafeXml.Malformed e) {
            answer(response, 400, "text/plain", "bad request");
            return Outcome.REFUSED;
        } catch (MessageCrypto.Rejected e) {
            return forbidden(response, e.getMessage());
        } catch (RuntimeException e) {
            // WeChat retries; the claim was released by the inbox
            log.error("Callback failed", e);
            answer(response, 503, "text/plain", "retry");
            return Outcome.FAILED;
        }
    }

    private String seal(String reply) {
        String encrypted = crypto.encrypt(reply);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        String signature = MessageCrypto.signature(crypto.token(), timestamp, nonce, encrypted);
        return "<xml><Encrypt><![CDATA[" + encrypted + "]]></Encrypt><MsgSignature><![CDATA[" + signature
                + "]]></MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce><![CDATA[" + nonce + "]]></Nonce></xml>";
    }

    private boolean stale(String timestamp) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return false;
        }
        try {
            return Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp)) > maxAge.toSeconds();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static Outcome forbidden(HttpServletResponse response, String what) throws IOException {
        log.warn("Callback refused: check={}", what);
        answer(response, 403, "text/plain", "forbidden");
        return Outcome.REFUSED;
    }

    private static void answer(HttpServletResponse response, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(type + ";charset=UTF-8");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The body, or null when it is larger than we accept. */
    private static String readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
