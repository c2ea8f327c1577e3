package cn.cac.gzh.region;

/** Editing a county's dictionary (administrators of that county or of the city). */
public interface PlaceNameAdministration {

    /**
     * Adds a word. {@code township} names the township a TOWNSHIP_NAME/TOWNSHIP_ALIAS word stands for.
     * Throws 409 {@code TERM_EXISTS}, 400 {@code TERM_INVALID} / {@code TOWNSHIP_REQUIRED} / {@code TOWNSHIP_NOT_FOUND}.
     */
    PlaceName add(String countyCode, String term, PlaceNameKind kind, String township);

    /** Removes a word; 404 {@code TERM_NOT_FOUND} when there is none. */
    void remove(String countyCode, String term);

    /**
     * Imports a list of townships and words (docs/regions.md explains the text: a line per township or word): all or nothing (400
     * {@code IMPORT_INVALID} naming the first lines in error, nothing written); what the dictionary already has is
     * skipped, so the same list can be imported again.
     */
    ImportResult importText(String countyCode, String text);
}
