package cn.cac.gzh.filing.internal.selfcheck;

import java.util.ArrayList;
import java.util.List;

import cn.cac.gzh.region.PlaceName;
import cn.cac.gzh.region.PlaceNameKind;

/**
 * The place-name dictionary of V3__seed_sui_county.sql, built by hand so that the matcher's tests
 * need no database. Kept in seed order (水城 before 中原水城), not longest first, so the tests also
 * show that the matcher does not depend on the dictionary's order.
 */
final class SuiCountyPlaceNames {

    private static final List<String> TOWNSHIPS = List.of(
            "城关回族镇", "城郊乡", "平岗镇", "长岗镇", "潮庄镇", "西陵寺镇", "周堂镇", "蓼堤镇", "尚屯镇", "匡城乡",
            "后台乡", "河集乡", "白楼乡", "河堤乡", "白庙乡", "胡堂乡", "尤吉屯乡", "董店乡", "涧岗乡", "孙聚寨乡");

    /** Township → short form, where the seed gives one (城关, 城郊, 后台, 河堤 are left out on purpose). */
    private static final List<List<String>> ALIASES = List.of(
            List.of("平岗镇", "平岗"), List.of("长岗镇", "长岗"), List.of("潮庄镇", "潮庄"), List.of("西陵寺镇", "西陵寺"),
            List.of("周堂镇", "周堂"), List.of("蓼堤镇", "蓼堤"), List.of("尚屯镇", "尚屯"), List.of("匡城乡", "匡城"),
            List.of("河集乡", "河集"), List.of("白楼乡", "白楼"), List.of("白庙乡", "白庙"), List.of("胡堂乡", "胡堂"),
            List.of("尤吉屯乡", "尤吉屯"), List.of("董店乡", "董店"), List.of("涧岗乡", "涧岗"), List.of("孙聚寨乡", "孙聚寨"));

    private SuiCountyPlaceNames() {
    }

    static List<String> townships() {
        return TOWNSHIPS;
    }

    static List<PlaceName> all() {
        List<PlaceName> names = new ArrayList<>(List.of(
                new PlaceName("睢县", PlaceNameKind.COUNTY_NAME, null),
                new PlaceName("睢州", PlaceNameKind.HISTORIC_NAME, null),
                new PlaceName("襄邑", PlaceNameKind.HISTORIC_NAME, null),
                new PlaceName("水城", PlaceNameKind.LOCAL_FEATURE, null),
                new PlaceName("中原水城", PlaceNameKind.LOCAL_FEATURE, null),
                new PlaceName("北湖", PlaceNameKind.LOCAL_FEATURE, null)));
        TOWNSHIPS.forEach(township -> names.add(new PlaceName(township, PlaceNameKind.TOWNSHIP_NAME, township)));
        ALIASES.forEach(pair -> names.add(new PlaceName(pair.get(1), PlaceNameKind.TOWNSHIP_ALIAS, pair.get(0))));
        return List.copyOf(names);
    }
}
