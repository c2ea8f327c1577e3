package cn.cac.gzh.filing.internal.selfcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import cn.cac.gzh.region.PlaceName;
import cn.cac.gzh.region.PlaceNameKind;

import static cn.cac.gzh.region.PlaceNameKind.COUNTY_ALIAS;
import static cn.cac.gzh.region.PlaceNameKind.COUNTY_NAME;
import static cn.cac.gzh.region.PlaceNameKind.HISTORIC_NAME;
import static cn.cac.gzh.region.PlaceNameKind.LOCAL_FEATURE;
import static cn.cac.gzh.region.PlaceNameKind.TOWNSHIP_ALIAS;
import static cn.cac.gzh.region.PlaceNameKind.TOWNSHIP_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class PlaceNameMatcherTest {

    private static final PlaceNameMatcher SEED = new PlaceNameMatcher(SuiCountyPlaceNames.all());

    /** What a match should say, without its position. */
    record Expected(String term, PlaceNameKind kind, String township) {
    }

    private static Expected county(String term, PlaceNameKind kind) {
        return new Expected(term, kind, null);
    }

    private static Expected township(String term, PlaceNameKind kind, String township) {
        return new Expected(term, kind, township);
    }

    static Stream<Arguments> accountNames() {
        return Stream.of(
                arguments("睢县发布", List.of(county("睢县", COUNTY_NAME))),
                arguments("睢縣發佈", List.of(county("睢县", COUNTY_NAME))),
                arguments("《睢 县·发布》", List.of(county("睢县", COUNTY_NAME))),
                arguments("中原水城生活", List.of(county("中原水城", LOCAL_FEATURE))),
                arguments("水城生活", List.of(county("水城", LOCAL_FEATURE))),
                arguments("北湖夜景", List.of(county("北湖", LOCAL_FEATURE))),
                arguments("襄邑文化", List.of(county("襄邑", HISTORIC_NAME))),
                arguments("蓼堤镇新闻", List.of(township("蓼堤镇", TOWNSHIP_NAME, "蓼堤镇"))),
                arguments("蓼堤人", List.of(township("蓼堤", TOWNSHIP_ALIAS, "蓼堤镇"))),
                arguments("西 陵 寺 镇便民", List.of(township("西陵寺镇", TOWNSHIP_NAME, "西陵寺镇"))),
                arguments("西陵寺好物", List.of(township("西陵寺", TOWNSHIP_ALIAS, "西陵寺镇"))),
                arguments("長崗鎮資訊", List.of(township("长岗镇", TOWNSHIP_NAME, "长岗镇"))),
                arguments("尤吉屯美食", List.of(township("尤吉屯", TOWNSHIP_ALIAS, "尤吉屯乡"))),
                arguments("城关回族镇政务", List.of(township("城关回族镇", TOWNSHIP_NAME, "城关回族镇"))),
                arguments("商丘美食", List.of()),
                arguments("城关小吃", List.of()),
                arguments("后台管理", List.of()),
                // 古城 is not in the seed dictionary: only 睢州 is found
                arguments("睢州古城", List.of(county("睢州", HISTORIC_NAME))),
                arguments("睢州北湖", List.of(county("睢州", HISTORIC_NAME), county("北湖", LOCAL_FEATURE))),
                arguments("睢县北湖", List.of(county("睢县", COUNTY_NAME), county("北湖", LOCAL_FEATURE))),
                arguments("北湖边的睢县人", List.of(county("北湖", LOCAL_FEATURE), county("睢县", COUNTY_NAME))),
                arguments("睢县蓼堤镇", List.of(county("睢县", COUNTY_NAME), township("蓼堤镇", TOWNSHIP_NAME, "蓼堤镇"))),
                arguments("睢县睢县", List.of(county("睢县", COUNTY_NAME))),
                arguments("中原水城里的水城人", List.of(county("中原水城", LOCAL_FEATURE), county("水城", LOCAL_FEATURE))),
                arguments("中原水城中原水城", List.of(county("中原水城", LOCAL_FEATURE))),
                arguments("", List.of()));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @MethodSource("accountNames")
    void findsPlaceNames(String accountName, List<Expected> expected) {
        List<Expected> found = SEED.match(accountName).stream()
                .map(match -> new Expected(match.term(), match.kind(), match.township()))
                .toList();
        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void reportsPositionsInTheNormalisedName() {
        assertThat(SEED.match("睢州·古城"))
                .containsExactly(new PlaceNameMatch("睢州", HISTORIC_NAME, null, 0, 2));
        assertThat(SEED.match("我爱 睢县北湖"))
                .containsExactly(new PlaceNameMatch("睢县", COUNTY_NAME, null, 2, 4),
                        new PlaceNameMatch("北湖", LOCAL_FEATURE, null, 4, 6));
        assertThat(SEED.match("中原水城里的水城人"))
                .extracting(PlaceNameMatch::start, PlaceNameMatch::end)
                .containsExactly(tuple(0, 4), tuple(6, 8));
    }

    @ParameterizedTest(name = "no exception and no match for \"{0}\"")
    @ValueSource(strings = {"ＳＵＩ县", "sui县", "😀", "·、。"})
    void nameWithoutPlaceNameGivesNoMatch(String accountName) {
        assertThatCode(() -> SEED.match(accountName)).doesNotThrowAnyException();
        assertThat(SEED.match(accountName)).isEmpty();
    }

    @Test
    void nullNameGivesNoMatch() {
        assertThat(SEED.match(null)).isEmpty();
    }

    @Test
    void overlappingWordsAreBothReportedAndContainedOnesHidden() {
        PlaceNameMatcher matcher = new PlaceNameMatcher(List.of(
                new PlaceName("中原水城", LOCAL_FEATURE, null),
                new PlaceName("水城北湖", LOCAL_FEATURE, null),
                new PlaceName("水城", LOCAL_FEATURE, null),
                new PlaceName("北湖", LOCAL_FEATURE, null)));
        assertThat(matcher.match("中原水城北湖"))
                .containsExactly(new PlaceNameMatch("中原水城", LOCAL_FEATURE, null, 0, 4),
                        new PlaceNameMatch("水城北湖", LOCAL_FEATURE, null, 2, 6));
    }

    @Test
    void ignoresWordsShorterThanTwoCharactersAndNormalisesTerms() {
        PlaceNameMatcher matcher = new PlaceNameMatcher(List.of(
                new PlaceName("睢", COUNTY_NAME, null),
                new PlaceName("·", LOCAL_FEATURE, null),
                new PlaceName("蓼堤 鎮", TOWNSHIP_NAME, "蓼堤镇")));
        assertThat(matcher.match("睢县蓼堤镇")).containsExactly(
                new PlaceNameMatch("蓼堤 鎮", TOWNSHIP_NAME, "蓼堤镇", 2, 5));
    }

    @Test
    void firstDictionaryEntryWinsWhenTwoWordsNormaliseAlike() {
        PlaceNameMatcher matcher = new PlaceNameMatcher(List.of(
                new PlaceName("睢县", COUNTY_NAME, null),
                new PlaceName("睢縣", COUNTY_ALIAS, null)));
        assertThat(matcher.match("睢县")).containsExactly(new PlaceNameMatch("睢县", COUNTY_NAME, null, 0, 2));
    }

    @Test
    void doesNotKeepTheCallersList() {
        List<PlaceName> names = new ArrayList<>(List.of(new PlaceName("北湖", LOCAL_FEATURE, null)));
        PlaceNameMatcher matcher = new PlaceNameMatcher(names);
        names.clear();
        assertThat(matcher.match("北湖")).hasSize(1);
        assertThat(matcher.match("北湖")).isUnmodifiable();
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<List<PlaceNameMatch>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(() -> SEED.match("睢县北湖中原水城蓼堤镇"));
            }
            for (Future<List<PlaceNameMatch>> result : pool.invokeAll(calls)) {
                assertThat(result.get()).extracting(PlaceNameMatch::term)
                        .containsExactly("睢县", "北湖", "中原水城", "蓼堤镇");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
