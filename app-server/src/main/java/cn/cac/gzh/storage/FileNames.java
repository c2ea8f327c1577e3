package cn.cac.gzh.storage;

/** File names as people gave them, kept for display only: never used as a key or a path. */
public final class FileNames {

    private FileNames() {
    }

    /** The name without any folder part or control characters, at most 200 characters (its end kept); {@code fallback} when empty. */
    public static String displayName(String name, String fallback) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (base.isEmpty()) {
            return fallback;
        }
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }
}
