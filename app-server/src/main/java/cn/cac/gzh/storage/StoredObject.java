package cn.cac.gzh.storage;

import java.time.Instant;

/** What the storage server says about one object. */
public record StoredObject(String key, long size, String contentType, String etag, Instant lastModified) {
}
