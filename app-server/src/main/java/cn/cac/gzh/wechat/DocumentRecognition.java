package cn.cac.gzh.wechat;

/**
 * WeChat's OCR of ID cards and business licences. WeChat downloads the image itself from {@code imageUrl}
 * (a short-lived link). A photo in which WeChat finds no document is an answer ({@link DocumentReading#readable()}
 * false), not a failure; any failure (quota exhausted 45009, busy, unreachable) throws
 * {@link WechatCallException} of kind {@code UNAVAILABLE} with WeChat's errcode.
 */
public interface DocumentRecognition {

    DocumentReading readIdCard(String imageUrl);

    DocumentReading readBusinessLicence(String imageUrl);
}
