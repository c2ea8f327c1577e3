package cn.cac.gzh.wechat.internal;

import java.util.Set;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.cac.gzh.wechat.DocumentReading;
import cn.cac.gzh.wechat.DocumentRecognition;
import cn.cac.gzh.wechat.WechatCallException;
import cn.cac.gzh.wechat.WechatCallException.Kind;
import me.chanjar.weixin.common.error.WxErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** OCR through the mini-program's account (the one operators upload in), by WxJava's OCR service. */
@Component
class WxJavaDocumentRecognition implements DocumentRecognition {

    private static final Logger log = LoggerFactory.getLogger(WxJavaDocumentRecognition.class);
    /**
     * No document in the photo (101001) or not an image (101002): an answer about the photo. 101000 ("image
     * url error or fetch image error") is not among them: WeChat could not fetch our link, which retrying (or
     * fixing the storage's public endpoint) cures.
     */
    private static final Set<Integer> UNREADABLE = Set.of(101001, 101002);

    private final WxMaService service;
    private final WechatErrorMeter errors;

    WxJavaDocumentRecognition(WxMaService service, WechatErrorMeter errors) {
        this.service = service;
        this.errors = errors;
    }

    @Override
    public DocumentReading readIdCard(String imageUrl) {
        try {
            var result = service.getOcrService().idCard(imageUrl);
            return DocumentReading.idCard(result.getType(), result.getName(), result.getId(), result.getValidDate());
        } catch (WxErrorException e) {
            return unreadableOrThrow(WechatErrorMeter.OCR_ID_CARD, e);
        } catch (RuntimeException e) {
            throw failure(WechatErrorMeter.OCR_ID_CARD, 0, e);
        }
    }

    @Override
    public DocumentReading readBusinessLicence(String imageUrl) {
        try {
            var result = service.getOcrService().bizLicense(imageUrl);
            return DocumentReading.licence(result.getRegNum(), result.getEnterpriseName(), result.getLegalRepresentative());
        } catch (WxErrorException e) {
            return unreadableOrThrow(WechatErrorMeter.OCR_BUSINESS_LICENCE, e);
        } catch (RuntimeException e) {
            throw failure(WechatErrorMeter.OCR_BUSINESS_LICENCE, 0, e);
        }
    }

    private DocumentReading unreadableOrThrow(String api, WxErrorException e) {
        int code = e.getError().getErrorCode();
        if (UNREADABLE.contains(code)) {
            return DocumentReading.unreadable();
        }
        throw failure(api, code, e);
    }

    private WechatCallException failure(String api, int errorCode, Exception e) {
        errors.failed(api, errorCode);
        log.warn("WeChat call failed: api={} errcode={}", api, errorCode);
        return new WechatCallException(Kind.UNAVAILABLE, errorCode, "WeChat " + api + " failed with errcode " + errorCode, e);
    }
}
