package cn.cac.gzh.filing.internal.selfcheck;

import java.text.Normalizer;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Brings an account name (or a dictionary term) into a canonical form, so that "睢 县·生活",
 * "《睢縣發佈》" and "睢县生活" compare as written by the same hand:
 * <ol>
 *   <li>symbols, punctuation, whitespace and invisible characters are dropped (before NFKC as well,
 *       so that ™ does not turn into "TM");</li>
 *   <li>Unicode NFKC folds full-width letters, digits and punctuation to their ASCII forms;</li>
 *   <li>traditional characters in a small explicit table become simplified ones;</li>
 *   <li>letters are lower-cased.</li>
 * </ol>
 * The traditional-to-simplified step is deliberately cheap: a fixed table of one-to-one pairs that
 * covers the county's place names and common account-name words, no dictionary library, and no
 * characters whose simplified form depends on the word (such as 乾, 著, 隻).
 */
public final class NameNormalizer {

    /**
     * Traditional character followed by its simplified form, pairs separated by spaces. Every
     * traditional form used in the county's place names comes first; then common words of account
     * names (news, services, trades, surnames).
     */
    private static final String PAIRS = """
            縣县 鄉乡 鎮镇 區区 莊庄 長长 崗岗 廟庙 樓楼 澗涧 孫孙 後后 臺台 檯台 颱台 關关 園园 門门
            東东 陽阳 灣湾 華华 興兴 鄭郑 漢汉 陝陕 廣广 圍围 團团 隊队 黨党 辦办 務务 鄰邻 屬属 導导
            機机 構构 議议 會会 協协 聯联 組组 織织 國国 際际 軍军 義义 職职 證证 處处 總总 幫帮 應应
            網网 訊讯 號号 報报 聞闻 電电 視视 發发 髮发 佈布 傳传 聲声 頻频 錄录 攝摄 圖图 畫画 書书
            讀读 說说 講讲 語语 論论 評评 記记 誌志 雜杂 話话 覽览 觀观 閱阅 聽听 選选 擇择 標标 準准
            業业 購购 貿贸 農农 飯饭 館馆 車车 買买 賣卖 貨货 價价 錢钱 銀银 財财 產产 廠厂 場场 鋪铺
            舖铺 銷销 費费 優优 鮮鲜 魚鱼 雞鸡 鴨鸭 麵面 飲饮 點点 燒烧 湯汤 滷卤 醬酱 廚厨 藝艺 術术
            裝装 飾饰 築筑 設设 計计 環环 衛卫 龍龙 鳳凤 馬马 鳥鸟 資资 訂订 單单 貸贷 險险 幣币 寶宝
            貝贝 順顺 豐丰 萬万 億亿 學学 醫医 藥药 療疗 師师 員员 兒儿 婦妇 親亲 愛爱 歡欢 樂乐 遊游
            戲戏 體体 運运 動动 氣气 熱热 溫温 燈灯 風风 雲云 麗丽 時时 間间 實实 們们 個个 這这 為为
            與与 來来 開开 過过 還还 進进 連连 達达 遠远 邊边 線线 條条 頭头 題题 級级 紀纪 歲岁 壽寿
            嬰婴 戀恋 轉转 換换 願愿 驗验 課课 試试 習习 練练 訓训 測测 靈灵 寫写 筆笔 紙纸 碼码 鐘钟
            鐵铁 鋼钢 礦矿 紅红 綠绿 藍蓝 黃黄 歷历 舊旧 蘭兰 葉叶 種种 穀谷 橋桥 塊块 壩坝 廈厦 貴贵
            陳陈 劉刘 張张 楊杨 趙赵 吳吴 鄧邓 馮冯 許许 蘇苏 盧卢 蔣蒋 韓韩 雙双 對对 當当 從从 於于
            """;

    /** Traditional character → simplified character; immutable. */
    static final Map<Character, Character> TRADITIONAL_TO_SIMPLIFIED = parsePairs(PAIRS);

    private NameNormalizer() {
    }

    /** The canonical form of {@code name}; {@code ""} for {@code null}. */
    public static String normalize(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        String folded = Normalizer.normalize(strip(name), Normalizer.Form.NFKC);
        StringBuilder result = new StringBuilder(folded.length());
        folded.codePoints()
                .filter(codePoint -> !isDropped(codePoint))
                .map(NameNormalizer::simplify)
                .map(Character::toLowerCase)
                .forEach(result::appendCodePoint);
        return result.toString();
    }

    private static String strip(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(codePoint -> !isDropped(codePoint)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Whitespace, invisible characters, punctuation, symbols (emoji included) and emoji modifiers. */
    static boolean isDropped(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        if (isVariationSelector(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.ENCLOSING_MARK,
                 Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
                 Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static boolean isVariationSelector(int codePoint) {
        return (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF);
    }

    private static int simplify(int codePoint) {
        if (codePoint > Character.MAX_VALUE) {
            return codePoint;
        }
        Character simplified = TRADITIONAL_TO_SIMPLIFIED.get((char) codePoint);
        return simplified == null ? codePoint : simplified;
    }

    private static Map<Character, Character> parsePairs(String pairs) {
        String compact = pairs.replaceAll("\\s+", "");
        if (compact.length() % 2 != 0) {
            throw new IllegalStateException("Traditional/simplified table has an unpaired character");
        }
        // toUnmodifiableMap fails with "Duplicate key" when a traditional character appears twice
        return IntStream.range(0, compact.length() / 2)
                .boxed()
                .collect(Collectors.toUnmodifiableMap(i -> compact.charAt(2 * i), i -> compact.charAt(2 * i + 1)));
    }
}
