package cn.cac.gzh.filing.internal.selfcheck;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class NameNormalizerTest {

    static Stream<Arguments> names() {
        return Stream.of(
                arguments("full-width letters and digits", "ＡＢＣ１２３", "abc123"),
                arguments("Latin lower-cased", "Sui County NEWS", "suicountynews"),
                arguments("spaces and middle dot", "睢 县·生活 ", "睢县生活"),
                arguments("ideographic space", "睢\u3000县", "睢县"),
                arguments("tabs and line breaks", "睢\t县\n发布\r\n", "睢县发布"),
                arguments("no-break space", "睢\u00A0县", "睢县"),
                arguments("zero-width characters", "睢\u200B县\u200C发\u200D布\uFEFF", "睢县发布"),
                arguments("traditional inside book-title marks", "《睢縣發佈》", "睢县发布"),
                arguments("Chinese punctuation", "睢县、北湖，夜景。真美！“好”【推荐】", "睢县北湖夜景真美好推荐"),
                arguments("ASCII punctuation and symbols", "(睢县)-生活_圈|~+=@#$%^&*", "睢县生活圈"),
                arguments("full-width punctuation", "（睢县）－生活＿圈！", "睢县生活圈"),
                arguments("bullet and wave dash", "睢县•生活〜", "睢县生活"),
                arguments("emoji", "睢县😀生活🎉", "睢县生活"),
                arguments("emoji with variation selector and joiner", "北湖❤️👨‍👩‍👧夜景", "北湖夜景"),
                arguments("emoji with skin tone", "点赞👍🏽睢县", "点赞睢县"),
                arguments("flag", "🇨🇳睢县", "睢县"),
                arguments("trade mark is dropped, not folded to tm", "睢县™", "睢县"),
                arguments("traditional township", "長崗鎮", "长岗镇"),
                arguments("traditional county words", "睢縣後臺鄉白樓鄉白廟鄉", "睢县后台乡白楼乡白庙乡"),
                arguments("traditional township with 孫 and 莊", "孫聚寨鄉潮莊鎮澗崗鄉", "孙聚寨乡潮庄镇涧岗乡"),
                arguments("traditional 城關", "城關回族鎮", "城关回族镇"),
                arguments("traditional account words", "睢縣廣電網訊號", "睢县广电网讯号"),
                arguments("traditional trade words", "東門農貿飯館", "东门农贸饭馆"),
                arguments("simplified text unchanged", "中原水城北湖襄邑睢州", "中原水城北湖襄邑睢州"),
                arguments("only punctuation", "·、。！ ", ""),
                arguments("empty", "", ""));
    }

    @ParameterizedTest(name = "{0}: \"{1}\" → \"{2}\"")
    @MethodSource("names")
    void normalizes(String description, String name, String expected) {
        assertThat(NameNormalizer.normalize(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    void nullBecomesEmpty(String name) {
        assertThat(NameNormalizer.normalize(name)).isEmpty();
    }

    @ParameterizedTest(name = "idempotent: \"{0}\"")
    @ValueSource(strings = {"ＳＵＩ县", "《睢縣發佈》", "北湖❤️夜景", "Ⅻ①㈱ﬁ", "İstanbul 睢縣"})
    void isIdempotent(String name) {
        String once = NameNormalizer.normalize(name);
        assertThat(NameNormalizer.normalize(once)).isEqualTo(once);
    }

    @ParameterizedTest(name = "table maps {0}")
    @ValueSource(strings = {
            "縣", "鄉", "鎮", "莊", "長", "崗", "廟", "樓", "澗", "孫", "後", "臺", "關", "區", "園", "網", "訊", "號",
            "灣", "陽", "東", "門", "業", "發", "購", "報", "聞", "團", "會", "電", "視", "廣", "屬", "導", "學", "醫",
            "農", "貿", "飯", "館", "車", "書", "華", "興", "黨", "辦", "務", "鄰", "佈"})
    void tableCoversRequiredTraditionalCharacters(String traditional) {
        assertThat(NameNormalizer.TRADITIONAL_TO_SIMPLIFIED).containsKey(traditional.charAt(0));
    }

    @Test
    void tableIsOneStepAndLeavesSharedCharactersAlone() {
        var table = NameNormalizer.TRADITIONAL_TO_SIMPLIFIED;
        assertThat(table).allSatisfy((traditional, simplified) -> {
            assertThat(simplified).isNotEqualTo(traditional);
            assertThat(table).doesNotContainKey(simplified);
        });
        // characters written alike in both scripts
        assertThat(table).doesNotContainKeys('睢', '襄', '邑', '州', '水', '城', '湖', '北', '蓼', '堤');
    }
}
