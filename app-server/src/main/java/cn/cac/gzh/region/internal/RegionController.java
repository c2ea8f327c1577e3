package cn.cac.gzh.region.internal;

import java.util.List;

import cn.cac.gzh.region.County;
import cn.cac.gzh.region.PlaceName;
import cn.cac.gzh.region.PlaceNameDictionary;
import cn.cac.gzh.region.RegionDirectory;
import cn.cac.gzh.region.Township;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "地名词典", description = "本平台服务的县（区），及各县（区）的县名、乡镇名及其简称、历史名称和本地特征词")
@RestController
@RequestMapping("/api/regions")
class RegionController {

    private final PlaceNameDictionary dictionary;
    private final RegionDirectory regions;

    RegionController(PlaceNameDictionary dictionary, RegionDirectory regions) {
        this.dictionary = dictionary;
        this.regions = regions;
    }

    record CountiesView(List<County> counties, String defaultCountyCode) {
    }

    @Operation(summary = "本平台服务的县（区）", description = "备案所属县（区）的可选项（登记表 countyCode），及未选择时的默认县。")
    @GetMapping("/counties")
    CountiesView counties() {
        return new CountiesView(regions.counties(), regions.defaultCountyCode());
    }

    @Operation(summary = "县（区）地名词典", description = "返回一个县（区）、其乡镇列表以及判断“显著本地特征”所用的全部词语；"
            + "county 不填为默认县。错误码：COUNTY_UNKNOWN。")
    @GetMapping("/dictionary")
    DictionaryView dictionary(@Parameter(description = "县（区）代码") @RequestParam(required = false) String county) {
        String code = county == null || county.isBlank() ? regions.defaultCountyCode() : county.strip();
        return new DictionaryView(dictionary.county(code), dictionary.townships(code), dictionary.placeNames(code));
    }

    record DictionaryView(County county, List<Township> townships, List<PlaceName> placeNames) {
    }
}
