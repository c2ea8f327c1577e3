package cn.cac.gzh.storage;

import java.util.Arrays;
import java.util.Optional;

/** The real type of a file from its first bytes (magic numbers), whatever its name or declared type says. */
public final class FileSniffer {

    public static final int HEADER_BYTES = 8;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private FileSniffer() {
    }

    /** {@code image/jpeg}, {@code image/png}, {@code application/pdf}, or empty for anything else. */
    public static Optional<String> contentType(byte[] header) {
        if (startsWith(header, JPEG)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(header, PNG)) {
            return Optional.of("image/png");
        }
        if (startsWith(header, PDF)) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
