package cn.cac.gzh.account.internal;

import cn.cac.gzh.common.web.ApiException;
import cn.cac.gzh.wechat.WechatCallException;

import org.springframework.http.HttpStatus;

/** WeChat failures as the operator should see them. */
final class WechatErrors {

    private WechatErrors() {
    }

    static ApiException toApiException(WechatCallException e, String rejectedCode, String rejectedMessage) {
        return switch (e.kind()) {
            case REJECTED_CODE -> new ApiException(HttpStatus.BAD_REQUEST, rejectedCode, rejectedMessage);
            case REFUSED_USER -> new ApiException(HttpStatus.FORBIDDEN, "WECHAT_USER_REFUSED", "微信判定当前用户存在风险，暂时无法办理");
            case UNAVAILABLE -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "WECHAT_UNAVAILABLE", "微信服务繁忙，请稍后再试");
        };
    }
}
