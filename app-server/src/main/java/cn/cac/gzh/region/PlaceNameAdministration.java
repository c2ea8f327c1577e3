package cn.cac.gzh.region;

/** Editing the configured county's dictionary (administrators). */
public interface PlaceNameAdministration {

    /**
     * Adds a word. {@code township} names the township a TOWNSHIP_NAME/TOWNSHIP_ALIAS word stands for.
     * Throws 409 {@code TERM_EXISTS}, 400 {@code TOWNSHIP_REQUIRED} / {@code TOWNSHIP_NOT_FOUND}.
     */
    PlaceName add(String term, PlaceNameKind kind, String township);

    /** Removes a word; 404 {@code TERM_NOT_FOUND} when there is none. */
    void remove(String term);
}
