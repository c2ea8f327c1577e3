package cn.cac.gzh.officialaccount;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The account's reply texts per office: the city's apply to every county, a county's own version of a text to that
 * county's followers (administrators of the county or the city edit them).
 */
public interface ReplyTextAdministration {

    /** The texts, in a fixed order: 关注欢迎语, 备案办法, 政策, 帮助. */
    List<String> CODES = List.of("WELCOME", "HOW_TO_FILE", "POLICY", "HELP");

    @Schema(description = "公众号自动回复")
    record ReplyText(@Schema(description = "WELCOME 关注欢迎语、HOW_TO_FILE 备案办法、POLICY 政策、HELP 帮助") String code,
            @Schema(description = "内容；{miniprogram} 处显示打开小程序的链接") String content,
            @Schema(description = "是否为本网信办自己的版本（否：沿用市级的）") boolean own) {
    }

    /** The texts as followers of {@code regionCode} (a county's or the city's code) get them. */
    List<ReplyText> of(String regionCode);

    /**
     * Sets the office's versions of the texts named in {@code texts}: a county's blank text goes back to the city's;
     * 400 {@code REPLY_CODE_UNKNOWN}, {@code REPLY_TEXT_TOO_LONG} (over 1000 characters), {@code REPLY_TEXT_REQUIRED}
     * (the city's cannot be blank). All or nothing.
     */
    void replace(String regionCode, Map<String, String> texts);
}
