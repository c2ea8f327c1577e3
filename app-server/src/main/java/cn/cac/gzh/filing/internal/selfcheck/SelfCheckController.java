package cn.cac.gzh.filing.internal.selfcheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.cac.gzh.region.County;
import cn.cac.gzh.region.PlaceNameDictionary;
import cn.cac.gzh.region.RegionDirectory;
import cn.cac.gzh.region.PlaceNameKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Notice §2: an account must file when any ONE of five criteria applies. */
@Tag(name = "备案自查", description = "判断公众号是否属于本县登记备案范围（通知第二条五项情形之一即须备案）")
@RestController
@RequestMapping("/api/mini/self-check")
class SelfCheckController {

    private final PlaceNameDictionary dictionary;
    private final RegionDirectory regions;

    SelfCheckController(PlaceNameDictionary dictionary, RegionDirectory regions) {
        this.dictionary = dictionary;
        this.regions = regions;
    }

    @Schema(description = "自查问题；未回答的问题按“否”处理")
    record SelfCheckRequest(
            @Schema(description = "公众号名称") @NotBlank @Size(max = 64) String accountName,
            @Schema(description = "由本县乡镇、机关、企事业单位、驻县单位或社会团体开设") Boolean openedByLocalUnit,
            @Schema(description = "在本县范围内以个人或公司名义开办") Boolean openedByLocalPersonOrCompany,
            @Schema(description = "内容主要涉及本县") Boolean contentMainlyLocal,
            @Schema(description = "注册人或注册机构属地在本县") Boolean registrantLocal) {
    }

    enum Criterion {
        LOCAL_UNIT("由本县单位或社会团体开设"),
        LOCAL_PERSON_OR_COMPANY("在本县以个人或公司名义开办"),
        LOCAL_NAME("名称含本县、乡镇名称（别称）或其他显著本地特征"),
        LOCAL_CONTENT("内容主要涉及本县"),
        LOCAL_REGISTRANT("注册人或机构属地在本县");

        final String description;

        Criterion(String description) {
            this.description = description;
        }
    }

    record CriterionResult(Criterion criterion, String description, boolean met) {
    }

    record MatchedTerm(String term, PlaceNameKind kind, String township,
            @Schema(description = "该词所属县（区）的代码") String countyCode) {
    }

    @Schema(description = "名称中出现了其地名的县（区）")
    record MatchedCounty(String countyCode, String countyName, @Schema(description = "识别出的该县（区）词语数") int terms) {
    }

    @Schema(description = "自查结论")
    record SelfCheckResult(
            @Schema(description = "是否须登记备案") boolean filingRequired,
            String conclusion,
            List<CriterionResult> criteria,
            @Schema(description = "名称中识别出的本地地名或特征词") List<MatchedTerm> matchedTerms,
            @Schema(description = "规范化后的名称（全角转半角、去空格标点、繁转简）") String normalizedName,
            @Schema(description = "名称中出现了其地名的县（区），词语多的在前") List<MatchedCounty> matchedCounties,
            @Schema(description = "建议的备案所属县（区）：名称中词语最多的那一个；没有或不分先后时为 null") String suggestedCountyCode) {
    }

    @Operation(summary = "备案自查", description = "无需登录。名称与本平台服务的每个县（区）的地名词典比对，"
            + "并按识别出的词语建议备案所属县（区）。")
    @PostMapping
    SelfCheckResult check(@Valid @RequestBody SelfCheckRequest request) {
        Map<String, String> countyNames = regions.counties().stream()
                .collect(Collectors.toMap(County::code, County::name, (a, b) -> a, LinkedHashMap::new));
        List<MatchedTerm> terms = new ArrayList<>();
        List<MatchedCounty> counties = new ArrayList<>();
        dictionary.placeNamesByCounty().forEach((county, words) -> {
            List<PlaceNameMatch> found = new PlaceNameMatcher(words).match(request.accountName());
            found.forEach(m -> terms.add(new MatchedTerm(m.term(), m.kind(), m.township(), county)));
            if (!found.isEmpty()) {
                counties.add(new MatchedCounty(county, countyNames.getOrDefault(county, county), found.size()));
            }
        });
        counties.sort(Comparator.comparingInt(MatchedCounty::terms).reversed().thenComparing(MatchedCounty::countyCode));
        String suggested = counties.isEmpty() || counties.size() > 1 && counties.get(1).terms() == counties.get(0).terms()
                ? null : counties.get(0).countyCode();
        List<CriterionResult> criteria = new ArrayList<>();
        criteria.add(result(Criterion.LOCAL_UNIT, request.openedByLocalUnit()));
        criteria.add(result(Criterion.LOCAL_PERSON_OR_COMPANY, request.openedByLocalPersonOrCompany()));
        criteria.add(new CriterionResult(Criterion.LOCAL_NAME, Criterion.LOCAL_NAME.description, !terms.isEmpty()));
        criteria.add(result(Criterion.LOCAL_CONTENT, request.contentMainlyLocal()));
        criteria.add(result(Criterion.LOCAL_REGISTRANT, request.registrantLocal()));
        boolean required = criteria.stream().anyMatch(CriterionResult::met);
        String conclusion = required
                ? "该公众号属于本县登记备案范围，请在规定期限内登记备案"
                : "根据您的回答，该公众号暂不属于本县登记备案范围；情况变化时请重新自查";
        return new SelfCheckResult(required, conclusion, criteria, List.copyOf(terms),
                NameNormalizer.normalize(request.accountName()), List.copyOf(counties), suggested);
    }

    private static CriterionResult result(Criterion criterion, Boolean answer) {
        return new CriterionResult(criterion, criterion.description, Boolean.TRUE.equals(answer));
    }
}
