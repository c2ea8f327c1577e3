package cn.cac.gzh.material;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/** A stored material as staff see it (the bytes only through {@link MaterialAccess}). */
public record MaterialFileInfo(long id, MaterialType materialType, String label, String fileName, String contentType,
        long size, String sha256, OffsetDateTime uploadedAt, boolean current, boolean purged,
        @Schema(description = "自动核对结果；不核对的材料（签字表、未启用）为 null") MaterialCheck check) {
}
