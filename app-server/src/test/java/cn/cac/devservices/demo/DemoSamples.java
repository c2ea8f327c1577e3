package cn.cac.devservices.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The demo's sample materials, each stamped 样例 in large red letters: card-sized photos of an ID card (both sides)
 * and a licence, and a one-page PDF of a signed form. Drawn with the Noto Sans SC font the form PDFs use (it is on
 * the classpath), so the Chinese text shows on any machine. No real person's data: the texts say 示例/样例.
 */
final class DemoSamples {

    static final String STAMP = "样例";
    private static final String FONT = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

    private final byte[] fontBytes;
    private final Font font;

    DemoSamples() {
        try (InputStream in = DemoSamples.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("Font missing from the classpath: " + FONT);
            }
            fontBytes = in.readAllBytes();
            font = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(fontBytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A photo (PNG) of a document: its title and a few lines of print, and the 样例 stamp across it. */
    byte[] photo(String title, Color background, String... lines) {
        BufferedImage image = new BufferedImage(428, 270, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(background);
        g.fillRect(0, 0, 428, 270);
        g.setColor(new Color(120, 120, 120));
        g.drawRect(6, 6, 415, 257);
        g.setColor(new Color(40, 40, 40));
        g.setFont(font.deriveFont(Font.PLAIN, 20f));
        g.drawString(title, 24, 40);
        g.setFont(font.deriveFont(Font.PLAIN, 14f));
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 24, 76 + i * 26);
        }
        stamp(g, 428, 270);
        g.dispose();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] idCardFront() {
        return photo("居民身份证（样例）", new Color(220, 232, 245), "姓名 示例", "住址 示例省示例县示例路1号",
                "公民身份号码 411422********9***", "仅供演示，非真实证件");
    }

    byte[] idCardBack() {
        return photo("居民身份证 国徽面（样例）", new Color(235, 235, 220), "签发机关 示例县公安局", "有效期限 2016.01.01-2036.01.01",
                "仅供演示，非真实证件");
    }

    byte[] licence() {
        return photo("营业执照（样例）", new Color(245, 230, 220), "名称 示例单位", "统一社会信用代码 91411422MA********",
                "法定代表人 示例", "仅供演示，非真实证照");
    }

    /** A signed form as a one-page PDF, stamped 样例. */
    byte[] signedForm(String formTitle) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font pdfFont = PDType0Font.load(document, new ByteArrayInputStream(fontBytes), true);
            float height = page.getMediaBox().getHeight();
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                text(stream, pdfFont, formTitle + "（样例）", 60, height - 90, 20);
                text(stream, pdfFont, "公众号名称：演示公众号", 60, height - 140, 13);
                text(stream, pdfFont, "备案主体：示例单位（示例）", 60, height - 165, 13);
                text(stream, pdfFont, "签字（盖章）：示例", 60, height - 190, 13);
                text(stream, pdfFont, "本文件为演示数据，仅供演示，不具任何效力。", 60, height - 230, 11);
                stream.setNonStrokingColor(new Color(210, 40, 40));
                stream.beginText();
                stream.setFont(pdfFont, 120);
                stream.setTextMatrix(new org.apache.pdfbox.util.Matrix(
                        AffineTransform.getRotateInstance(Math.toRadians(30), 150, height / 2 - 120)));
                stream.newLineAtOffset(150, height / 2 - 120);
                stream.showText(STAMP);
                stream.endText();
            }
            document.getDocumentInformation().setTitle(formTitle + "（样例）");
            document.getDocumentInformation().setSubject(STAMP);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void text(PDPageContentStream stream, PDType0Font font, String text, float x, float y, float size)
            throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    /** 样例 in large red letters across the picture, inside a red frame, as sample documents are marked. */
    private void stamp(Graphics2D g, int width, int height) {
        g.setColor(new Color(210, 40, 40, 200));
        g.setStroke(new BasicStroke(5f));
        g.rotate(Math.toRadians(-18), width / 2.0, height / 2.0);
        g.drawRect(width / 2 - 110, height / 2 - 62, 220, 112);
        g.setFont(font.deriveFont(Font.BOLD, 88f));
        g.drawString(STAMP, width / 2 - 90, height / 2 + 30);
    }
}
