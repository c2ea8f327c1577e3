package cn.cac.gzh.storage;

import java.io.InputStream;
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

    /** Removes the object; removing a missing object is not an error. */
    void delete(String key);
}
