-- The place-name dictionary of the county the platform serves (module `region`).
-- All times are UTC.

CREATE TABLE region_county
(
    code        CHAR(6)     NOT NULL COMMENT 'administrative division code (GB/T 2260)',
    name        VARCHAR(32) NOT NULL COMMENT 'official name, e.g. 睢县',
    province    VARCHAR(32) NOT NULL,
    city        VARCHAR(32) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE region_township
(
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    county_code CHAR(6)     NOT NULL,
    name        VARCHAR(32) NOT NULL COMMENT 'official name, e.g. 蓼堤镇',
    kind        VARCHAR(16) NOT NULL COMMENT 'TOWN (镇), TOWNSHIP (乡), SUBDISTRICT (街道)',
    sort_order  INT         NOT NULL DEFAULT 0,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_region_township_name (county_code, name),
    CONSTRAINT fk_region_township_county FOREIGN KEY (county_code) REFERENCES region_county (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every word that marks something as local: the county's names, the townships' names and short
-- forms, historic names and other local features. The name matcher of the self-check reads these.
CREATE TABLE region_place_name
(
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    county_code  CHAR(6)     NOT NULL,
    term         VARCHAR(32) NOT NULL,
    kind         VARCHAR(24) NOT NULL COMMENT 'COUNTY_NAME, COUNTY_ALIAS, HISTORIC_NAME, TOWNSHIP_NAME, TOWNSHIP_ALIAS, LOCAL_FEATURE',
    township_id  BIGINT      NULL COMMENT 'the township a township name or alias stands for',
    note         VARCHAR(200) NULL,
    created_at   DATETIME(3) NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_region_place_name_term (county_code, term),
    KEY idx_region_place_name_township (township_id),
    CONSTRAINT fk_region_place_name_county FOREIGN KEY (county_code) REFERENCES region_county (code),
    CONSTRAINT fk_region_place_name_township FOREIGN KEY (township_id) REFERENCES region_township (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
