package cn.cac.gzh.account.internal;

import cn.cac.gzh.common.ErrorKind;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.wechat.WechatCallException;


/** WeChat failures as the operator should see them. */
final class WechatErrors {

    private WechatErrors() {
    }

    static DomainException toDomainException(WechatCallException e, String rejectedCode, String rejectedMessage) {
        return switch (e.kind()) {
            case REJECTED_CODE -> new DomainException(ErrorKind.INVALID, rejectedCode, rejectedMessage);
            case REFUSED_USER -> new DomainException(ErrorKind.FORBIDDEN, "WECHAT_USER_REFUSED", "微信判定当前用户存在风险，暂时无法办理");
            case UNAVAILABLE -> new DomainException(ErrorKind.UNAVAILABLE, "WECHAT_UNAVAILABLE", "微信服务繁忙，请稍后再试");
        };
    }
}
