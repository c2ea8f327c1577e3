package cn.cac.gzh.material.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Drawing helpers on one page: text, wrapped text and boxes, in points from the top-left corner. */
final class PdfCanvas {

    private final PDPageContentStream stream;
    private final PDFont font;
    private final float pageHeight;

    PdfCanvas(PDPageContentStream stream, PDFont font, float pageHeight) {
        this.stream = stream;
        this.font = font;
        this.pageHeight = pageHeight;
    }

    /** Replaces what the font cannot draw (emoji, rare symbols) so one odd character cannot break a form. */
    String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    float width(String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void text(String text, float x, float top, float size) {
        try {
            stream.beginText();
            stream.setFont(font, size);
            stream.newLineAtOffset(x, pageHeight - top - size);
            stream.showText(text);
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void centered(String text, float left, float right, float top, float size) {
        text(text, left + (right - left - width(text, size)) / 2, top, size);
    }

    void box(float x, float top, float w, float h, float grey) {
        try {
            if (grey < 1) {
                stream.setNonStrokingColor(grey, grey, grey);
                stream.addRect(x, pageHeight - top - h, w, h);
                stream.fill();
                stream.setNonStrokingColor(0f, 0f, 0f);
            }
            stream.setLineWidth(0.8f);
            stream.addRect(x, pageHeight - top - h, w, h);
            stream.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Breaks {@code text} into lines no wider than {@code maxWidth} (character by character: CJK has no spaces). */
    List<String> wrap(String text, float maxWidth, float size) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String next = line + new String(Character.toChars(cp));
            if (cp == '\n' || (width(next, size) > maxWidth && !line.isEmpty())) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (cp != '\n') {
                line.appendCodePoint(cp);
            }
        });
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
