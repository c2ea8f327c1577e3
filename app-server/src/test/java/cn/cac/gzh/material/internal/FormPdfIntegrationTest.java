package cn.cac.gzh.material.internal;

import java.awt.image.BufferedImage;
import java.io.File;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import cn.cac.testsupport.FilingForms;
import cn.cac.testsupport.IntegrationTest;
import cn.cac.testsupport.MiniApi;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable forms: text extracted from the PDF, and a rendered page saved under target/ to look at. */
@IntegrationTest
class FormPdfIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void prefilledUnitFormCarriesTitleUnitAndFullOrMaskedNumbers() throws Exception {
        MiniApi api = MiniApi.on(port);
        String token = api.loginWithConsent("pdf-" + UUID.randomUUID()).accessToken();
        Map<String, Object> form = FilingForms.unitForm(FilingForms.newOriginalId());
        FilingForms.section(form, "account").put("businessScope",
                "发布本县党务政务信息、重大决策部署、民生服务事项、突发事件应对信息，开展政策解读和网上群众工作，受理群众咨询与建议。");
        long id = api.post("/api/mini/filings", token, form).id();

        var full = api.download("/api/mini/filings/" + id + "/form.pdf", token);
        var masked = api.download("/api/mini/filings/" + id + "/form.pdf?masked=true", token);

        assertThat(full.status()).isEqualTo(200);
        assertThat(full.contentType()).isEqualTo("application/pdf");
        try (PDDocument pdf = Loader.loadPDF(full.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("睢县微信公众帐号登记备案表", "（单位及社会团体）", "表一", "睢县融媒体中心", "事业单位",
                    "11010519491231002X", "440524188001010014", "13912345678", "单位（盖章）", "单位负责人（签字）",
                    "填表日期", "一式两份", "受理群众咨询与建议");
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            PDFont font = pdf.getPage(0).getResources().getFont(pdf.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).isTrue();
            saveImage(pdf, "form-unit-filled.png");
        }
        assertThat(full.body().length).as("font subset only").isLessThan(200_000);
        try (PDDocument pdf = Loader.loadPDF(masked.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("110***********002X", "139****5678", "睢县融媒体中心")
                    .doesNotContain("11010519491231002X").doesNotContain("13912345678");
        }
    }

    @Test
    void blankFormsAreDownloadableWithoutLogin() throws Exception {
        MiniApi api = MiniApi.on(port);

        var unit = api.download("/api/mini/forms/UNIT/blank.pdf", null);
        var individual = api.download("/api/mini/forms/INDIVIDUAL/blank.pdf", null);

        assertThat(unit.status()).isEqualTo(200);
        try (PDDocument pdf = Loader.loadPDF(individual.body())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("睢县微信公众帐号登记备案表", "（个人或个体经营者）", "表二", "登记人（签字）",
                    "□是  □否", "身份证号码");
            saveImage(pdf, "form-individual-blank.png");
        }
        assertThat(api.download("/api/mini/forms/OTHER/blank.pdf", null).status()).isEqualTo(400);
    }

    private static void saveImage(PDDocument pdf, String name) throws Exception {
        BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 100);
        File target = new File("target/pdf-pages/" + name);
        target.getParentFile().mkdirs();
        ImageIO.write(image, "png", target);
        assertThat(target).isFile();
    }
}
