package cn.cac.gzh.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import cn.cac.gzh.delivery.OutgoingMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** WeChat refuses a whole message (47003) when one field is over its limit: values are cut to fit. */
class TemplateFieldsTest {

    @ParameterizedTest
    @CsvSource({
            "thing1, 一二三四五六七八九十一二三四五六七八九十, 一二三四五六七八九十一二三四五六七八九十",
            "thing1, 一二三四五六七八九十一二三四五六七八九十一, 一二三四五六七八九十一二三四五六七八九…",
            "phrase3, 已经审核通过了, 已经审核…",
            "phrase3, 已通过, 已通过",
            "name2, 欧阳一二三四五六七八九, 欧阳一二三四五六七…",
            "character_string9, 411422-2026-00001, 411422-2026-00001",
            "time4, 2026年1月2日 08:00, 2026年1月2日 08:00"
    })
    void valuesAreCutToTheLimitOfTheirKind(String field, String value, String expected) {
        assertThat(TemplateFields.fit(field, value)).isEqualTo(expected);
    }

    @Test
    void emojiCountAsOneCharacterAndAreNeverSplit() {
        String value = "😀".repeat(25);
        String fitted = TemplateFields.fit("thing1", value);
        assertThat(fitted.codePointCount(0, fitted.length())).isEqualTo(20);
        assertThat(fitted).endsWith("…").doesNotContain("\uFFFD");
    }

    @Test
    void fieldsAreFilledFromTheMessageInBeijingTime() {
        var template = new DeliveryProperties.Template("t", Map.of("thing1", "title", "time2", "published", "thing3", "summary",
                "phrase4", "请阅读"));
        var message = new OutgoingMessage("POLICY", 1, "标题", "摘要", LocalDateTime.of(2026, 1, 1, 16, 30));
        assertThat(TemplateFields.fill(template, message)).containsEntry("thing1", "标题").containsEntry("thing3", "摘要")
                .containsEntry("time2", "2026年1月2日 00:30").containsEntry("phrase4", "请阅读");
    }
}
