package cn.cac.devservices.demo;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import cn.cac.gzh.filing.FormType;
import cn.cac.gzh.material.MaterialChecklist;
import cn.cac.gzh.material.MaterialType;
import cn.cac.gzh.storage.ObjectStorage;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files a demo filing's checklist the way a confirmed upload leaves it ({@code UploadTickets.confirm}): the object
 * under its final key {@code m/<random>} in the bucket, a CONFIRMED {@code material_upload} row and the current
 * {@code material_file} row with size and SHA-256. The upload round trip through the presigned POST is skipped (it
 * would take a minute for a few hundred filings), and so is the automatic check: the rows look like uploads made with
 * {@code MATERIAL_RECOGNITION_ENABLED=false}. Every file is one of five 样例 samples ({@link DemoSamples}), drawn once.
 */
final class DemoMaterials {

    private static final Duration TICKET_TTL = Duration.ofMinutes(10);

    private final ObjectStorage storage;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DemoSamples samples = new DemoSamples();
    private final Map<String, byte[]> drawn = new ConcurrentHashMap<>();

    DemoMaterials(ObjectStorage storage, JdbcTemplate jdbc, Clock clock) {
        this.storage = storage;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores and files every item of the checklist of {@code filing}; returns how many files were filed. */
    int fileChecklist(DemoFiling filing, long filingId, long operatorId) {
        Map<MaterialType, byte[]> files = contents(filing);
        List<Object[]> uploads = new ArrayList<>();
        List<Object[]> filed = new ArrayList<>();
        for (MaterialType type : MaterialChecklist.requiredFor(filing.formType())) {
            byte[] content = files.get(type);
            boolean pdf = type == MaterialType.SIGNED_UNIT_FORM || type == MaterialType.SIGNED_INDIVIDUAL_FORM;
            String fileName = "样例_" + type.name().toLowerCase() + (pdf ? ".pdf" : ".png");
            String contentType = pdf ? "application/pdf" : "image/png";
            String ticketId = UUID.randomUUID().toString().replace("-", "");
            String objectKey = "m/" + UUID.randomUUID().toString().replace("-", "");
            // the object first, then its rows, as a confirmation does
            storage.put(objectKey, new ByteArrayInputStream(content), content.length, contentType);
            LocalDateTime now = LocalDateTime.now(clock);
            uploads.add(new Object[] {ticketId, filingId, operatorId, type.name(), "u/" + UUID.randomUUID().toString().replace("-", ""),
                    fileName, contentType, content.length, now, now.plus(TICKET_TTL), now});
            filed.add(new Object[] {filingId, type.name(), ticketId, objectKey, fileName, contentType, content.length,
                    sha256(content), operatorId, now});
        }
        jdbc.batchUpdate("""
                INSERT INTO material_upload (id, filing_id, operator_id, material_type, upload_key, file_name, content_type,
                                             declared_size, status, created_at, expires_at, finished_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CONFIRMED', ?, ?, ?)
                """, uploads);
        jdbc.batchUpdate("""
                INSERT INTO material_file (filing_id, material_type, upload_id, object_key, file_name, content_type,
                                           size_bytes, sha256, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, filed);
        return files.size();
    }

    private Map<MaterialType, byte[]> contents(DemoFiling filing) {
        Map<MaterialType, byte[]> files = new LinkedHashMap<>();
        if (filing.formType() == FormType.UNIT) {
            files.put(MaterialType.LICENCE, sample("licence", samples::licence));
            files.put(MaterialType.RESPONSIBLE_ID_FRONT, sample("front", samples::idCardFront));
            files.put(MaterialType.RESPONSIBLE_ID_BACK, sample("back", samples::idCardBack));
            files.put(MaterialType.ADMIN_ID_FRONT, sample("front", samples::idCardFront));
            files.put(MaterialType.ADMIN_ID_BACK, sample("back", samples::idCardBack));
            files.put(MaterialType.SIGNED_UNIT_FORM, sample("unit-form", () -> samples.signedForm("微信公众号登记备案表（表一）")));
        } else {
            files.put(MaterialType.PERSON_ID_FRONT, sample("front", samples::idCardFront));
            files.put(MaterialType.PERSON_ID_BACK, sample("back", samples::idCardBack));
            files.put(MaterialType.SIGNED_INDIVIDUAL_FORM,
                    sample("individual-form", () -> samples.signedForm("微信公众号登记备案表（表二）")));
        }
        return files;
    }

    /** Each sample is drawn once and stored under a key of its own for every filing (drawing takes the time). */
    private byte[] sample(String name, java.util.function.Supplier<byte[]> draw) {
        return drawn.computeIfAbsent(name, k -> draw.get());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
