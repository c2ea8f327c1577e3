package cn.cac.gzh.console.internal;

import java.util.List;
import java.util.Map;

import cn.cac.gzh.audit.AuditEntry;
import cn.cac.gzh.audit.AuditTrail;
import cn.cac.gzh.common.db.RetryingTransactions;
import cn.cac.gzh.console.CurrentStaff;
import cn.cac.gzh.region.County;
import cn.cac.gzh.region.CountyAdministration;
import cn.cac.gzh.region.ImportResult;
import cn.cac.gzh.region.PlaceName;
import cn.cac.gzh.region.PlaceNameAdministration;
import cn.cac.gzh.region.PlaceNameDictionary;
import cn.cac.gzh.region.PlaceNameKind;
import cn.cac.gzh.region.RegionDirectory;
import cn.cac.gzh.region.Township;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counties of the city and each county's place-name dictionary: the city office adds a county (data, not a
 * deployment) and imports its place names; a county office keeps its own county's dictionary.
 */
@Tag(name = "控制台-县（区）与地名词典", description = "管理员：本市的县（区）、新增县（区）、各县（区）地名词典的维护与导入")
@RestController
@RequestMapping("/api/console/admin")
class CountyAdminController {

    private static final String COUNTY_PARAMETER = "县（区）代码：市级管理员可指定任一县（区），不填为默认县；县级管理员只能是本县（区），不填即本县（区）。"
            + "错误码：COUNTY_UNKNOWN、SCOPE_FORBIDDEN。";

    private final RegionDirectory regions;
    private final PlaceNameDictionary dictionary;
    private final PlaceNameAdministration dictionaryAdmin;
    private final CountyAdministration countyAdmin;
    private final CountyDrillDown scope;
    private final AuditTrail audit;
    private final RetryingTransactions transactions;

    CountyAdminController(RegionDirectory regions, PlaceNameDictionary dictionary, PlaceNameAdministration dictionaryAdmin,
            CountyAdministration countyAdmin, CountyDrillDown scope, AuditTrail audit, RetryingTransactions transactions) {
        this.regions = regions;
        this.dictionary = dictionary;
        this.dictionaryAdmin = dictionaryAdmin;
        this.countyAdmin = countyAdmin;
        this.scope = scope;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Schema(description = "县（区）及其地名词典的规模")
    record CountyView(String code, String name, @Schema(description = "乡镇（街道）数") int townships,
            @Schema(description = "地名词数") int placeNames) {
    }

    record NewCountyRequest(@Schema(description = "6位行政区划代码（GB/T 2260），须为本市下属县（区）", example = "411421") @NotBlank String code,
            @Schema(example = "民权县") @NotBlank String name) {
    }

    record ImportRequest(@Schema(description = "每行一个乡镇或地名词，如“镇 蓼堤镇”“乡镇简称 蓼堤 蓼堤镇”“历史名称 襄邑”；# 后为注释")
            @NotBlank @Size(max = 200_000, message = "导入内容不能超过20万字") String text) {
    }

    record PlaceNameRequest(@NotBlank @Size(max = 32) String term, @NotNull PlaceNameKind kind, @Size(max = 32) String township) {
    }

    record Dictionary(String countyCode, List<Township> townships, List<PlaceName> placeNames) {
    }

    @Operation(summary = "县（区）列表", description = "市级管理员看到本市全部县（区），县级管理员只看到本县（区）。")
    @GetMapping("/counties")
    List<CountyView> counties(@AuthenticationPrincipal CurrentStaff staff) {
        Map<String, PlaceNameDictionary.DictionarySize> sizes = dictionary.sizes();
        var empty = new PlaceNameDictionary.DictionarySize(0, 0);
        return regions.counties().stream()
                .filter(c -> staff.citywide() || c.code().equals(staff.scopeCode()))
                .map(c -> {
                    var size = sizes.getOrDefault(c.code(), empty);
                    return new CountyView(c.code(), c.name(), size.townships(), size.placeNames());
                })
                .toList();
    }

    @Operation(summary = "新增县（区）", description = "仅市级管理员。新县（区）的名称即成为其地名词典的第一个词，乡镇和其他地名随后导入。"
            + "错误码：COUNTY_CODE_INVALID、COUNTY_NAME_INVALID、COUNTY_EXISTS（409）、SCOPE_FORBIDDEN（403）。")
    @PostMapping("/counties")
    @ResponseStatus(HttpStatus.CREATED)
    County addCounty(@AuthenticationPrincipal CurrentStaff staff, @Valid @RequestBody NewCountyRequest request,
            HttpServletRequest http) {
        CountyDrillDown.requireCity(staff, "只有市级管理员可以新增县（区）");
        return transactions.execute("addCounty", () -> {
            County added = countyAdmin.add(request.code(), request.name());
            audit.record(new AuditEntry("STAFF", staff.id(), "COUNTY_ADDED", "COUNTY", added.code(), "name=" + added.name(),
                    http.getRemoteAddr()));
            return added;
        });
    }

    @Operation(summary = "导入县（区）地名", description = "全部校验通过才写入（否则 400 IMPORT_INVALID，列出出错的行，什么也不写）；"
            + "词典已有的乡镇和词语跳过，可重复导入。错误码：IMPORT_INVALID、TOWNSHIP_NOT_FOUND、COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @PostMapping("/counties/{code}/place-names/import")
    ImportResult importPlaceNames(@AuthenticationPrincipal CurrentStaff staff, @PathVariable String code,
            @Valid @RequestBody ImportRequest request, HttpServletRequest http) {
        String county = scope.countyOf(staff, code);
        return transactions.execute("importPlaceNames", () -> {
            ImportResult result = dictionaryAdmin.importText(county, request.text());
            audit.record(new AuditEntry("STAFF", staff.id(), "PLACE_NAMES_IMPORTED", "COUNTY", county,
                    "townships=" + result.townshipsAdded() + " placeNames=" + result.placeNamesAdded()
                            + " alreadyThere=" + result.alreadyThere(), http.getRemoteAddr()));
            return result;
        });
    }

    @Operation(summary = "地名词典", description = "一个县（区）的乡镇列表与判断“显著本地特征”的全部词语。")
    @GetMapping("/place-names")
    Dictionary placeNames(@AuthenticationPrincipal CurrentStaff staff,
            @Parameter(description = COUNTY_PARAMETER) @RequestParam(required = false) String county) {
        String code = scope.countyOf(staff, county);
        return new Dictionary(code, dictionary.townships(code), dictionary.placeNames(code));
    }

    @Operation(summary = "新增地名词", description = "错误码：TERM_EXISTS、TERM_INVALID、TOWNSHIP_REQUIRED、TOWNSHIP_NOT_FOUND、COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @PostMapping("/place-names")
    @ResponseStatus(HttpStatus.CREATED)
    PlaceName addPlaceName(@AuthenticationPrincipal CurrentStaff staff, @Valid @RequestBody PlaceNameRequest request,
            @Parameter(description = COUNTY_PARAMETER) @RequestParam(required = false) String county, HttpServletRequest http) {
        String code = scope.countyOf(staff, county);
        return transactions.execute("addPlaceName", () -> {
            PlaceName added = dictionaryAdmin.add(code, request.term(), request.kind(), request.township());
            record(staff, "PLACE_NAME_ADDED", added.term(), code, http);
            return added;
        });
    }

    @Operation(summary = "删除地名词", description = "错误码：TERM_NOT_FOUND、COUNTY_UNKNOWN、SCOPE_FORBIDDEN。")
    @DeleteMapping("/place-names")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removePlaceName(@AuthenticationPrincipal CurrentStaff staff, @RequestParam String term,
            @Parameter(description = COUNTY_PARAMETER) @RequestParam(required = false) String county, HttpServletRequest http) {
        String code = scope.countyOf(staff, county);
        transactions.run("removePlaceName", () -> {
            dictionaryAdmin.remove(code, term);
            record(staff, "PLACE_NAME_REMOVED", term, code, http);
        });
    }

    private void record(CurrentStaff staff, String action, String term, String county, HttpServletRequest http) {
        audit.record(new AuditEntry("STAFF", staff.id(), action, "PLACE_NAME", term, "county=" + county, http.getRemoteAddr()));
    }
}
