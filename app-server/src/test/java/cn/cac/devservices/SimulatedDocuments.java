package cn.cac.devservices;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Photos of documents that the WeChat simulator can "read": a real PNG carrying, in a {@code tEXt} chunk
 * named {@code sim-ocr}, the fields WeChat's OCR would print for it (Base64 of a JSON object in WeChat's
 * own field names). A PNG without the chunk is one the simulator cannot read (errcode 101001).
 * Everything here is sample data: no real person's name or number.
 */
public final class SimulatedDocuments {

    static final String CHUNK_KEYWORD = "sim-ocr";
    private static final JsonMapper JSON = new JsonMapper();
    private static final byte[] PNG_END = {0, 0, 0, 0, 'I', 'E', 'N', 'D'};

    private SimulatedDocuments() {
    }

    /** The portrait side of an ID card. */
    public static byte[] idCardFront(String name, String idNumber) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "Front");
        fields.put("name", name);
        fields.put("id", idNumber);
        fields.put("addr", "样例省样例县样例路1号");
        fields.put("gender", "男");
        fields.put("nationality", "汉");
        return photo(fields, new Color(220, 232, 245));
    }

    /** The emblem side of an ID card, valid e.g. {@code 20160101-20360101} or {@code 20160101-长期}. */
    public static byte[] idCardBack(String validDate) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "Back");
        fields.put("valid_date", validDate);
        return photo(fields, new Color(235, 235, 220));
    }

    /** A business licence. */
    public static byte[] licence(String creditCode, String enterpriseName, String legalRepresentative) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("reg_num", creditCode);
        fields.put("serial", "样例00000001");
        fields.put("legal_representative", legalRepresentative);
        fields.put("enterprise_name", enterpriseName);
        fields.put("type_of_organization", "有限责任公司");
        fields.put("address", "样例县样例路1号");
        fields.put("type_of_enterprise", "有限责任公司");
        fields.put("business_scope", "样例经营范围");
        fields.put("registered_capital", "100万元");
        fields.put("paid_in_capital", "100万元");
        fields.put("valid_period", "长期");
        fields.put("registered_date", "2016年01月01日");
        return photo(fields, new Color(245, 230, 220));
    }

    /** A photo in which no document can be found. */
    public static byte[] unreadable() {
        return encode(image(new Color(90, 90, 90)));
    }

    /** The printed fields of a photo made here, if it is one. */
    static Optional<Map<String, Object>> printedFields(byte[] photo) {
        byte[] marker = (CHUNK_KEYWORD + "\0").getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(photo, marker);
        if (at < 0) {
            return Optional.empty();
        }
        int length = ByteBuffer.wrap(photo, at - 8, 4).getInt() - marker.length;
        String base64 = new String(photo, at + marker.length, length, StandardCharsets.ISO_8859_1);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = JSON.readValue(Base64.getDecoder().decode(base64), Map.class);
            return Optional.of(fields);
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] photo(Map<String, Object> fields, Color background) {
        byte[] png = encode(image(background));
        String text = Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(fields));
        return withTextChunk(png, (CHUNK_KEYWORD + "\0" + text).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A card-sized picture: a frame and a few bars where the lines of print would be. */
    private static BufferedImage image(Color background) {
        BufferedImage image = new BufferedImage(428, 270, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(background);
        graphics.fillRect(0, 0, 428, 270);
        graphics.setColor(new Color(120, 120, 120));
        graphics.drawRect(6, 6, 415, 257);
        for (int line = 0; line < 5; line++) {
            graphics.fillRect(30, 40 + line * 40, 200 + (line * 37) % 120, 10);
        }
        graphics.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts a chunk (type tEXt) just before IEND, with its CRC as PNG requires. */
    private static byte[] withTextChunk(byte[] png, byte[] data) {
        int end = indexOf(png, PNG_END);
        byte[] type = "tEXt".getBytes(StandardCharsets.ISO_8859_1);
        CRC32 crc = new CRC32();
        crc.update(type);
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put(type).put(data).putInt((int) crc.getValue());
        byte[] result = Arrays.copyOf(png, png.length + chunk.capacity());
        System.arraycopy(chunk.array(), 0, result, end, chunk.capacity());
        System.arraycopy(png, end, result, end + chunk.capacity(), png.length - end);
        return result;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
