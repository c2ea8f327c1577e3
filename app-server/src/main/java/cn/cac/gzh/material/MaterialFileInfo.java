package cn.cac.gzh.material;

import java.time.OffsetDateTime;

/** A stored material as staff see it (the bytes only through {@link MaterialAccess}). */
public record MaterialFileInfo(long id, MaterialType materialType, String label, String fileName, String contentType,
        long size, String sha256, OffsetDateTime uploadedAt, boolean current, boolean purged) {
}
