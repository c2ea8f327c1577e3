package cn.cac.gzh.storage;

import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * The private bucket of materials. Keys are chosen by the caller and must not carry personal data.
 * Every method throws {@link ObjectStorageException} when the server cannot be used.
 */
public interface ObjectStorage {

    /** Stores {@code size} bytes under {@code key}, replacing what was there. */
    void put(String key, InputStream content, long size, String contentType);

    /** Metadata of the object, or empty when there is none. */
    Optional<StoredObject> stat(String key);

    /** Opens the object's content; the caller closes the stream. Empty when there is no such object. */
    Optional<InputStream> open(String key);

    /** Server-side copy (the bytes never pass through us). */
    void copy(String sourceKey, String targetKey);

    /** Removes the object; removing a missing object is not an error. */
    void delete(String key);

    /**
     * A POST policy for exactly {@code key}, exactly {@code contentType} and a body of 1 to
     * {@code maxBytes} bytes, valid for {@code validity}; the server refuses anything else.
     * Checks first that the bucket answers ({@link ObjectStorageException} otherwise): a ticket is never
     * handed out for an upload that cannot succeed.
     */
    PresignedPost presignedPost(String key, String contentType, long maxBytes, Duration validity);

    /** A GET URL for {@code key} that works for {@code validity}, for clients at the public endpoint. */
    String presignedGet(String key, Duration validity);
}
