package cn.cac.gzh.material.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.cac.gzh.common.identifiers.Masking;
import cn.cac.gzh.filing.FilingForm;
import cn.cac.gzh.filing.FormType;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import org.springframework.stereotype.Component;

/**
 * 表一 / 表二 as an A4 PDF: the notice's title with the county's name, a bordered table of every
 * field, the commitment, signature and seal boxes and the date. Noto Sans SC is embedded (subset),
 * so the form prints the same everywhere. Blank when there is no form.
 */
@Component
class FormPdfRenderer {

    private static final String FONT = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float LABEL_WIDTH = 150;
    private static final float TEXT = 10f;
    private static final float LINE = 14;

    private final byte[] fontBytes;

    FormPdfRenderer() {
        try (InputStream in = FormPdfRenderer.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the classpath: " + FONT);
            }
            this.fontBytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param form   the content, or {@code null} for the blank form
     * @param masked whether ID numbers and phones are shown masked (a preview) or in full (to print and sign)
     */
    byte[] render(FormType type, String county, FilingForm form, String filingNumber, boolean masked, LocalDate date) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(fontBytes), true);
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            String title = county + "微信公众帐号登记备案表";
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title + (type == FormType.UNIT ? "（表一）" : "（表二）"));
            info.setCreator("公众号登记备案平台");
            float right = page.getMediaBox().getWidth() - MARGIN;
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                PdfCanvas canvas = new PdfCanvas(stream, font, page.getMediaBox().getHeight());
                canvas.text(type == FormType.UNIT ? "表一" : "表二", MARGIN, 40, 11);
                if (filingNumber != null) {
                    String number = "备案编号：" + filingNumber;
                    canvas.text(number, right - canvas.width(number, 10), 40, 10);
                }
                canvas.centered(title, MARGIN, right, 62, 18);
                canvas.centered(type == FormType.UNIT ? "（单位及社会团体）" : "（个人或个体经营者）", MARGIN, right, 88, 12);
                float top = 110;
                // a blank form is filled in by hand: taller rows
                float rowHeight = form == null ? 24 : 20;
                for (Row row : rows(type, form, masked)) {
                    top = draw(canvas, row, top, right, rowHeight);
                }
                drawSignatures(canvas, type, top + 12, right, date);
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the form", e);
        }
    }

    private record Row(String label, String value, boolean section) {
        static Row section(String title) {
            return new Row(title, null, true);
        }
    }

    private static float draw(PdfCanvas canvas, Row row, float top, float right, float rowHeight) {
        float width = right - MARGIN;
        if (row.section()) {
            canvas.box(MARGIN, top, width, 19, 0.9f);
            canvas.text(row.label(), MARGIN + 6, top + 4, 10.5f);
            return top + 19;
        }
        List<String> lines = canvas.wrap(canvas.printable(row.value() == null ? "" : row.value()),
                width - LABEL_WIDTH - 12, TEXT);
        List<String> labelLines = canvas.wrap(row.label(), LABEL_WIDTH - 12, TEXT);
        float height = Math.max(rowHeight, Math.max(lines.size(), labelLines.size()) * LINE + 6);
        canvas.box(MARGIN, top, LABEL_WIDTH, height, 0.97f);
        canvas.box(MARGIN + LABEL_WIDTH, top, width - LABEL_WIDTH, height, 1);
        for (int i = 0; i < labelLines.size(); i++) {
            canvas.text(labelLines.get(i), MARGIN + 6, top + 4 + i * LINE, TEXT);
        }
        for (int i = 0; i < lines.size(); i++) {
            canvas.text(lines.get(i), MARGIN + LABEL_WIDTH + 6, top + 4 + i * LINE, TEXT);
        }
        return top + height;
    }

    private static void drawSignatures(PdfCanvas canvas, FormType type, float top, float right, LocalDate date) {
        float width = right - MARGIN;
        String promise = type == FormType.UNIT
                ? "本单位承诺以上信息真实、准确、完整，遵守国家互联网信息服务管理相关法律法规，依法运营微信公众帐号。"
                : "本人承诺以上信息真实、准确、完整，遵守国家互联网信息服务管理相关法律法规，依法运营微信公众帐号。";
        List<String> lines = canvas.wrap(promise, width, TEXT);
        for (int i = 0; i < lines.size(); i++) {
            canvas.text(lines.get(i), MARGIN, top + i * LINE, TEXT);
        }
        float boxTop = top + lines.size() * LINE + 8;
        float boxHeight = 80;
        if (type == FormType.UNIT) {
            float half = width / 2;
            canvas.box(MARGIN, boxTop, half, boxHeight, 1);
            canvas.box(MARGIN + half, boxTop, half, boxHeight, 1);
            canvas.text("单位负责人（签字）：", MARGIN + 6, boxTop + 6, TEXT);
            canvas.text("单位（盖章）：", MARGIN + half + 6, boxTop + 6, TEXT);
        } else {
            canvas.box(MARGIN, boxTop, width, boxHeight, 1);
            canvas.text("登记人（签字）：", MARGIN + 6, boxTop + 6, TEXT);
        }
        String when = date == null ? "填表日期：        年      月      日"
                : "填表日期：%d 年 %d 月 %d 日".formatted(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
        canvas.text(when, right - canvas.width(when, TEXT), boxTop + boxHeight + 10, TEXT);
        canvas.text("注：本表一式两份，一份报送县委网信办，一份自存；表一须加盖单位公章。", MARGIN, boxTop + boxHeight + 32, 9);
    }

    private static List<Row> rows(FormType type, FilingForm form, boolean masked) {
        var account = form == null ? null : form.account();
        List<Row> rows = new ArrayList<>();
        rows.add(Row.section("一、公众号信息"));
        rows.add(new Row("公众号名称", account == null ? null : account.name(), false));
        rows.add(new Row("微信号", account == null ? null : account.wechatId(), false));
        rows.add(new Row("原始ID", account == null ? null : account.originalId(), false));
        rows.add(new Row("帐号类型", account == null || account.type() == null ? "□订阅号  □服务号" : account.type().label(), false));
        rows.add(new Row("开通日期", account == null || account.openedOn() == null ? null : account.openedOn().toString(), false));
        rows.add(new Row("内容类别", account == null ? null : account.contentCategory(), false));
        rows.add(new Row("注册地", account == null ? null : account.registrationPlace(), false));
        rows.add(new Row("运营地", account == null ? null : account.operatingPlace(), false));
        rows.add(new Row("所在乡镇（办事处）", account == null ? null : account.township(), false));
        if (type == FormType.UNIT) {
            rows.add(new Row("主营业务范围", account == null ? null : account.businessScope(), false));
            unitRows(rows, form == null ? null : form.unit(), masked);
        } else {
            individualRows(rows, form == null ? null : form.individual(), masked);
        }
        return rows;
    }

    private static void unitRows(List<Row> rows, FilingForm.UnitSection unit, boolean masked) {
        rows.add(Row.section("二、单位信息"));
        rows.add(new Row("单位名称", unit == null ? null : unit.name(), false));
        rows.add(new Row("单位类型", unit == null || unit.type() == null ? null : unit.type().label(), false));
        rows.add(new Row("统一社会信用代码（组织机构代码）", unit == null ? null : unit.creditCode(), false));
        rows.add(new Row("单位地址", unit == null ? null : unit.address(), false));
        var responsible = unit == null ? null : unit.responsiblePerson();
        rows.add(Row.section("三、单位负责人"));
        rows.add(new Row("姓名", responsible == null ? null : responsible.name(), false));
        rows.add(new Row("身份证号码", responsible == null ? null : id(responsible.idNumber(), masked), false));
        rows.add(new Row("手机号码", responsible == null ? null : phone(responsible.phone(), masked), false));
        var admin = unit == null ? null : unit.administrator();
        rows.add(Row.section("四、公众号管理员"));
        rows.add(new Row("姓名", admin == null ? null : admin.name(), false));
        rows.add(new Row("身份证号码", admin == null ? null : id(admin.idNumber(), masked), false));
        rows.add(new Row("手机号码", admin == null ? null : phone(admin.phone(), masked), false));
        rows.add(new Row("职务", admin == null ? null : admin.position(), false));
    }

    private static void individualRows(List<Row> rows, FilingForm.IndividualSection person, boolean masked) {
        rows.add(Row.section("二、登记人信息"));
        rows.add(new Row("姓名", person == null ? null : person.name(), false));
        rows.add(new Row("身份证号码", person == null ? null : id(person.idNumber(), masked), false));
        rows.add(new Row("手机号码", person == null ? null : phone(person.phone(), masked), false));
        rows.add(new Row("联系地址", person == null ? null : person.address(), false));
        rows.add(new Row("是否个体经营者", person == null || person.selfEmployed() == null ? "□是  □否"
                : (person.selfEmployed() ? "是" : "否"), false));
        rows.add(new Row("字号名称", person == null ? null : person.businessName(), false));
        rows.add(new Row("营业执照号码", person == null ? null : person.licenceNumber(), false));
    }

    private static String id(String value, boolean masked) {
        return masked ? Masking.idNumber(value) : value;
    }

    private static String phone(String value, boolean masked) {
        return masked ? Masking.phone(value) : value;
    }
}
