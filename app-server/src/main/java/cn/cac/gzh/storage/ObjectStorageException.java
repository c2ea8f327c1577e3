package cn.cac.gzh.storage;

/** The storage server could not be used for one operation (down, slow, refused). Callers answer 503. */
public class ObjectStorageException extends RuntimeException {

    public ObjectStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
