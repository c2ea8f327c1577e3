package cn.cac.gzh.material.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import cn.cac.gzh.account.CurrentOperator;
import cn.cac.gzh.common.Times;
import cn.cac.gzh.filing.FilingLookup;
import cn.cac.gzh.filing.FilingSheet;
import cn.cac.gzh.filing.FormType;
import cn.cac.gzh.region.PlaceNameDictionary;
import cn.cac.gzh.region.RegionDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "登记备案表", description = "可打印的表一、表二（PDF，A4）")
@RestController
class FormPdfController {

    private final FormPdfRenderer renderer;
    private final FilingLookup filings;
    private final PlaceNameDictionary dictionary;
    private final RegionDirectory regions;
    private final Clock clock;

    FormPdfController(FormPdfRenderer renderer, FilingLookup filings, PlaceNameDictionary dictionary, RegionDirectory regions,
            Clock clock) {
        this.regions = regions;
        this.renderer = renderer;
        this.filings = filings;
        this.dictionary = dictionary;
        this.clock = clock;
    }

    @Operation(summary = "预填的登记备案表", description = "按本人备案内容预填的表一或表二，打印后签字（表一加盖公章）再扫描上传。masked=true 时身份证号码和手机号脱敏（仅供预览）。")
    @GetMapping("/api/mini/filings/{filingId}/form.pdf")
    ResponseEntity<byte[]> filled(@AuthenticationPrincipal CurrentOperator operator, @PathVariable long filingId,
            @Parameter(description = "是否脱敏") @RequestParam(defaultValue = "false") boolean masked) {
        filings.requireOwned(filingId, operator.id());
        FilingSheet sheet = filings.sheet(filingId).orElseThrow();
        FormType type = sheet.form().formType();
        // the filing's own county heads its form (a filing without one is the default county's)
        String county = sheet.form().countyCode() == null ? regions.defaultCountyCode() : sheet.form().countyCode();
        byte[] pdf = renderer.render(type, dictionary.county(county).name(), sheet.form(), sheet.filingNumber(), masked,
                Times.today(clock));
        return pdf(pdf, (type == FormType.UNIT ? "表一-" : "表二-") + sheet.id() + ".pdf");
    }

    @Operation(summary = "空白登记备案表", description = "无需登录。formType 为 UNIT（表一：单位及社会团体）或 INDIVIDUAL（表二：个人或个体经营者）；"
            + "county 为县（区）代码，不填为默认县。错误码：COUNTY_UNKNOWN。")
    @GetMapping("/api/mini/forms/{formType}/blank.pdf")
    ResponseEntity<byte[]> blank(@PathVariable FormType formType,
            @Parameter(description = "县（区）代码") @RequestParam(required = false) String county) {
        String code = county == null || county.isBlank() ? regions.defaultCountyCode() : county.strip();
        byte[] pdf = renderer.render(formType, dictionary.county(code).name(), null, null, false, null);
        return pdf(pdf, formType == FormType.UNIT ? "表一-空白.pdf" : "表二-空白.pdf");
    }

    private static ResponseEntity<byte[]> pdf(byte[] content, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }
}
