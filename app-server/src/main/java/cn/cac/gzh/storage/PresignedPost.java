package cn.cac.gzh.storage;

import java.time.Instant;
import java.util.Map;

/**
 * A browser-style upload the storage server itself polices: POST a multipart form to {@code url}
 * with every {@code fields} entry, then the file as part {@code file} (what {@code wx.uploadFile}
 * sends with {@code formData} and {@code name: "file"}).
 */
public record PresignedPost(String url, Map<String, String> fields, Instant expiresAt) {
}
