package cn.cac.gzh.wechat.internal;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.cac.gzh.wechat.MiniProgramGateway;
import cn.cac.gzh.wechat.MiniProgramSession;
import cn.cac.gzh.wechat.WechatCallException;
import cn.cac.gzh.wechat.WechatCallException.Kind;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

@Component
class WxJavaMiniProgramGateway implements MiniProgramGateway {

    private static final Logger log = LoggerFactory.getLogger(WxJavaMiniProgramGateway.class);

    private final WxMaService service;
    private final WechatErrorMeter errors;

    WxJavaMiniProgramGateway(WxMaService service, WechatErrorMeter errors) {
        this.errors = errors;
        this.service = service;
    }

    @Override
    public MiniProgramSession login(String code) {
        try {
            var session = service.getUserService().getSessionInfo(code);
            if (!usableOpenid(session.getOpenid())) {
                // WeChat's openids are 28 characters; anything else is a broken answer, not a user
                log.warn("WeChat call failed: api=jscode2session answered without a usable openid");
                errors.failed(WechatErrorMeter.JSCODE2SESSION, 0);
                throw new WechatCallException(Kind.UNAVAILABLE, 0, "WeChat jscode2session answered without a usable openid", null);
            }
            return new MiniProgramSession(session.getOpenid(), session.getUnionid(), session.getSessionKey());
        } catch (WxErrorException e) {
            throw translate(WechatErrorMeter.JSCODE2SESSION, e.getError().getErrorCode(), e);
        } catch (WechatCallException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(WechatErrorMeter.JSCODE2SESSION, 0, e);
        }
    }

    /** Fits {@code account_operator.openid} (VARCHAR(64)) and is not blank. */
    static boolean usableOpenid(String openid) {
        return openid != null && !openid.isBlank() && openid.length() <= 64;
    }

    @Override
    public String phoneNumber(String code) {
        try {
            var phone = service.getUserService().getPhoneNumber(code);
            return phone.getPurePhoneNumber();
        } catch (WxErrorException e) {
            throw translate(WechatErrorMeter.PHONE_NUMBER, e.getError().getErrorCode(), e);
        } catch (RuntimeException e) {
            throw translate(WechatErrorMeter.PHONE_NUMBER, 0, e);
        }
    }

    private RuntimeException translate(String api, int errorCode, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessException && e instanceof RuntimeException unchecked) {
                // WxJava keeps its locks and tokens in Redis: Redis away is not WeChat away (the web layer answers it)
                log.warn("WeChat call not made, Redis unavailable: api={}", api);
                return unchecked;
            }
        }
        Kind kind = switch (errorCode) {
            case 40029, 40163, 41008 -> Kind.REJECTED_CODE;
            case 40226 -> Kind.REFUSED_USER;
            default -> Kind.UNAVAILABLE;
        };
        errors.failed(api, errorCode);
        log.warn("WeChat call failed: api={} errcode={} kind={}", api, errorCode, kind);
        return new WechatCallException(kind, errorCode, "WeChat " + api + " failed with errcode " + errorCode, e);
    }
}
