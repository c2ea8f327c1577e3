package cn.cac.gzh.region.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.region.PlaceNameKind;
import cn.cac.gzh.region.TownshipKind;

/**
 * The text a county's place names are imported from, one entry per line, fields separated by a tab, a comma or
 * spaces ({@code #} starts a comment):
 * <pre>
 * 镇   蓼堤镇          a township (镇, 乡 or 街道); its name becomes a township-name word too
 * 乡镇简称 蓼堤 蓼堤镇  a township's short form, with the township it stands for
 * 县名别称 睢州         also 县名, 历史名称, 本地特征 (and 乡镇名称 with its township)
 * </pre>
 * The codes ({@code TOWN}, {@code LOCAL_FEATURE} …) are accepted for the labels. Every line is checked before
 * anything is written; the first errors are reported with their line numbers.
 */
final class PlaceNameText {

    static final int MAX_REPORTED_ERRORS = 5;

    private static final Map<String, TownshipKind> TOWNSHIP_LABELS = Map.of("镇", TownshipKind.TOWN, "乡",
            TownshipKind.TOWNSHIP, "街道", TownshipKind.SUBDISTRICT);
    private static final Map<String, PlaceNameKind> WORD_LABELS = Map.of("县名", PlaceNameKind.COUNTY_NAME, "县名别称",
            PlaceNameKind.COUNTY_ALIAS, "历史名称", PlaceNameKind.HISTORIC_NAME, "乡镇名称", PlaceNameKind.TOWNSHIP_NAME,
            "乡镇简称", PlaceNameKind.TOWNSHIP_ALIAS, "本地特征", PlaceNameKind.LOCAL_FEATURE);

    sealed interface Entry {
    }

    record NewTownship(String name, TownshipKind kind) implements Entry {
    }

    record NewWord(String term, PlaceNameKind kind, String township) implements Entry {
    }

    private PlaceNameText() {
    }

    static List<Entry> parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int comment = line.indexOf('#');
            if (comment >= 0) {
                line = line.substring(0, comment).strip();
            }
            if (line.isEmpty()) {
                continue;
            }
            try {
                entries.add(entry(line.split("[\\t,，\\s\\u3000]+")));
            } catch (IllegalArgumentException e) {
                errors.add("第" + (i + 1) + "行：" + e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            String shown = String.join("；", errors.subList(0, Math.min(errors.size(), MAX_REPORTED_ERRORS)));
            throw DomainException.invalid("IMPORT_INVALID", "导入内容有误，未导入任何词语：" + shown
                    + (errors.size() > MAX_REPORTED_ERRORS ? "；另有" + (errors.size() - MAX_REPORTED_ERRORS) + "处错误" : ""));
        }
        if (entries.isEmpty()) {
            throw DomainException.invalid("IMPORT_INVALID", "导入内容为空：每行一个乡镇或地名词，如“镇 蓼堤镇”“乡镇简称 蓼堤 蓼堤镇”");
        }
        return entries;
    }

    private static Entry entry(String[] fields) {
        String label = fields[0];
        TownshipKind townshipKind = TOWNSHIP_LABELS.getOrDefault(label, codeOf(TownshipKind.class, label));
        PlaceNameKind wordKind = WORD_LABELS.getOrDefault(label, codeOf(PlaceNameKind.class, label));
        if (townshipKind == null && wordKind == null) {
            throw new IllegalArgumentException("类别“" + label + "”无法识别（可用：镇、乡、街道、县名、县名别称、历史名称、乡镇名称、乡镇简称、本地特征）");
        }
        if (fields.length < 2) {
            throw new IllegalArgumentException("缺少名称");
        }
        String name = word(fields[1]);
        if (townshipKind != null) {
            requireFields(fields, 2);
            return new NewTownship(name, townshipKind);
        }
        boolean needsTownship = wordKind == PlaceNameKind.TOWNSHIP_NAME || wordKind == PlaceNameKind.TOWNSHIP_ALIAS;
        if (needsTownship && fields.length < 3) {
            throw new IllegalArgumentException("“" + name + "”须写明所属乡镇");
        }
        requireFields(fields, needsTownship ? 3 : 2);
        return new NewWord(name, wordKind, needsTownship ? word(fields[2]) : null);
    }

    private static void requireFields(String[] fields, int count) {
        if (fields.length > count) {
            throw new IllegalArgumentException("多余的内容“" + fields[count] + "”");
        }
    }

    /** A township name or dictionary word: 2 to 32 characters, as {@link DictionaryAdministration#add} requires. */
    static String word(String value) {
        String word = value.strip();
        if (word.codePointCount(0, word.length()) < 2 || word.length() > 32) {
            throw new IllegalArgumentException("“" + word + "”应为2至32个字");
        }
        return word;
    }

    private static <E extends Enum<E>> E codeOf(Class<E> type, String label) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(label)) {
                return constant;
            }
        }
        return null;
    }
}
