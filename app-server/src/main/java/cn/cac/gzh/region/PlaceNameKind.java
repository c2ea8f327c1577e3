package cn.cac.gzh.region;

/** Why a word in an account's name marks the account as local (notice §2, criterion 3). */
public enum PlaceNameKind {
    COUNTY_NAME,
    COUNTY_ALIAS,
    HISTORIC_NAME,
    TOWNSHIP_NAME,
    TOWNSHIP_ALIAS,
    LOCAL_FEATURE
}
