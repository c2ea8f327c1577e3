package cn.cac.gzh.officialaccount;

/**
 * WeChat's final word on a template message (TEMPLATESENDJOBFINISH): {@code status} is {@code success},
 * {@code failed:user block} or {@code failed: system failed}. Published through the outbox.
 */
public record TemplateSendReported(String msgId, String status) {
}
