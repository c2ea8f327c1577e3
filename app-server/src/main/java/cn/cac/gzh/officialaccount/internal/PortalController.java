package cn.cac.gzh.officialaccount.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import cn.cac.gzh.wechat.WechatProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's server configuration (服务器配置) endpoint for the office's account: GET verifies, POST
 * carries messages and events, in plain or safe mode, and is answered in the same mode.
 */
@Tag(name = "公众号回调", description = "微信服务器配置的 URL：GET 校验，POST 接收消息与事件（明文或安全模式）")
@RestController
class PortalController {

    static final int MAX_BODY = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(PortalController.class);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final OfficialAccountInbox inbox;
    private final MessageCrypto crypto;
    private final String appId;
    private final Duration maxAge;
    private final Clock clock;

    PortalController(OfficialAccountInbox inbox, WechatProperties wechat, Clock clock) {
        this.inbox = inbox;
        this.appId = wechat.mp().appId();
        this.crypto = new MessageCrypto(wechat.mp().token(), wechat.mp().aesKey(), appId);
        this.maxAge = wechat.mp().callbackMaxAge();
        this.clock = clock;
    }

    @Operation(summary = "服务器地址校验", description = "签名正确时原样返回 echostr。")
    @GetMapping(value = "/wechat/portal/{appid}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@PathVariable String appid, @RequestParam(required = false) String signature,
            @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
            @RequestParam(required = false) String echostr) {
        if (!appId.equals(appid)) {
            return ResponseEntity.notFound().build();
        }
        if (!crypto.plainSignatureMatches(signature, timestamp, nonce) || echostr == null) {
            return forbidden("signature");
        }
        return ResponseEntity.ok(echostr);
    }

    @Operation(summary = "接收消息与事件", description = "签名或 appid 不符返回 403，过期时间戳返回 403，XML 畸形或含 DOCTYPE 返回 400，消息体超过 64 KB 返回 413。")
    @PostMapping(value = "/wechat/portal/{appid}", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> receive(@PathVariable String appid, @RequestParam(required = false) String signature,
            @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
            @RequestParam(name = "encrypt_type", required = false) String encryptType,
            @RequestParam(name = "msg_signature", required = false) String msgSignature,
            HttpServletRequest request) throws IOException {
        if (!appId.equals(appid)) {
            return ResponseEntity.notFound().build();
        }
        String body = readBounded(request.getInputStream());
        if (body == null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        if (stale(timestamp)) {
            return forbidden("timestamp");
        }
        boolean safeMode = "aes".equalsIgnoreCase(encryptType);
        try {
            String xml;
            if (safeMode) {
                String encrypted = SafeXml.fields(body).get("Encrypt");
                if (!crypto.messageSignatureMatches(msgSignature, timestamp, nonce, encrypted)) {
                    return forbidden("msg_signature");
                }
                xml = crypto.decrypt(encrypted);
            } else {
                if (!crypto.plainSignatureMatches(signature, timestamp, nonce)) {
                    return forbidden("signature");
                }
                xml = body;
            }
            String reply = inbox.receive(xml, SafeXml.fields(xml));
            if (reply.isEmpty()) {
                return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("success");
            }
            return ResponseEntity.ok().contentType(XML).body(safeMode ? seal(reply) : reply);
        } catch (SafeXml.Malformed e) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("bad request");
        } catch (MessageCrypto.Rejected e) {
            return forbidden(e.getMessage());
        }
    }

    private String seal(String reply) {
        String encrypted = crypto.encrypt(reply);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String nonce = Long.toHexString(Double.doubleToLongBits(Math.random()));
        String signature = MessageCrypto.signature(crypto.token(), timestamp, nonce, encrypted);
        return "<xml><Encrypt><![CDATA[" + encrypted + "]]></Encrypt><MsgSignature><![CDATA[" + signature
                + "]]></MsgSignature><TimeStamp>" + timestamp + "</TimeStamp><Nonce><![CDATA[" + nonce + "]]></Nonce></xml>";
    }


    private boolean stale(String timestamp) {
        if (maxAge.isZero() || maxAge.isNegative()) {
            return false;
        }
        try {
            long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
            return age > maxAge.toSeconds();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static ResponseEntity<String> forbidden(String what) {
        log.warn("Callback refused: check={}", what);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("forbidden");
    }

    /** The body, or null when it is larger than we accept. */
    private static String readBounded(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : new String(bytes, StandardCharsets.UTF_8);
    }

}
