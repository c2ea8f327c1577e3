package cn.cac.gzh.region;

/** What an import of a county's place names added, and how many of its entries the dictionary already had. */
public record ImportResult(int townshipsAdded, int placeNamesAdded, int alreadyThere) {
}
