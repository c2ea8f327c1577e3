package cn.cac.gzh.filing;

/**
 * Facts other modules find out about a filing and the registry filters on. Writing a flag changes neither the
 * filing's version nor its last change: it is not an edit.
 */
public interface FilingFlags {

    /** Whether the automatic check of the filing's current materials found a difference from the form. */
    void setMaterialMismatch(long filingId, boolean mismatch);
}
