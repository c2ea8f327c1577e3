-- Seed: Sui County (睢县), Shangqiu, Henan, code 411422 — the county of the 2016-08-03 notice.
-- Township list: the 20 townships (镇/乡) of the county at the time of the notice; administrators
-- edit the dictionary later, this is only the starting data.
SET @now = UTC_TIMESTAMP(3);

INSERT INTO region_county (code, name, province, city, created_at, updated_at)
VALUES ('411422', '睢县', '河南省', '商丘市', @now, @now);

INSERT INTO region_township (county_code, name, kind, sort_order, created_at, updated_at)
VALUES ('411422', '城关回族镇', 'TOWN', 1, @now, @now),
       ('411422', '城郊乡', 'TOWNSHIP', 2, @now, @now),
       ('411422', '平岗镇', 'TOWN', 3, @now, @now),
       ('411422', '长岗镇', 'TOWN', 4, @now, @now),
       ('411422', '潮庄镇', 'TOWN', 5, @now, @now),
       ('411422', '西陵寺镇', 'TOWN', 6, @now, @now),
       ('411422', '周堂镇', 'TOWN', 7, @now, @now),
       ('411422', '蓼堤镇', 'TOWN', 8, @now, @now),
       ('411422', '尚屯镇', 'TOWN', 9, @now, @now),
       ('411422', '匡城乡', 'TOWNSHIP', 10, @now, @now),
       ('411422', '后台乡', 'TOWNSHIP', 11, @now, @now),
       ('411422', '河集乡', 'TOWNSHIP', 12, @now, @now),
       ('411422', '白楼乡', 'TOWNSHIP', 13, @now, @now),
       ('411422', '河堤乡', 'TOWNSHIP', 14, @now, @now),
       ('411422', '白庙乡', 'TOWNSHIP', 15, @now, @now),
       ('411422', '胡堂乡', 'TOWNSHIP', 16, @now, @now),
       ('411422', '尤吉屯乡', 'TOWNSHIP', 17, @now, @now),
       ('411422', '董店乡', 'TOWNSHIP', 18, @now, @now),
       ('411422', '涧岗乡', 'TOWNSHIP', 19, @now, @now),
       ('411422', '孙聚寨乡', 'TOWNSHIP', 20, @now, @now);

INSERT INTO region_place_name (county_code, term, kind, township_id, note, created_at, updated_at)
VALUES ('411422', '睢县', 'COUNTY_NAME', NULL, '县名', @now, @now),
       ('411422', '睢州', 'HISTORIC_NAME', NULL, '金、元、明、清时期州名', @now, @now),
       ('411422', '襄邑', 'HISTORIC_NAME', NULL, '秦置襄邑县', @now, @now),
       ('411422', '水城', 'LOCAL_FEATURE', NULL, '“中原水城”，县城湖水环绕', @now, @now),
       ('411422', '中原水城', 'LOCAL_FEATURE', NULL, '县城别称', @now, @now),
       ('411422', '北湖', 'LOCAL_FEATURE', NULL, '县城北湖景区', @now, @now);

-- Each township's official name, and its short form where that short form is distinctive
-- (城关/城郊 are shared by many counties, 后台/河堤 are everyday words: left out on purpose).
INSERT INTO region_place_name (county_code, term, kind, township_id, note, created_at, updated_at)
SELECT county_code, name, 'TOWNSHIP_NAME', id, NULL, @now, @now
FROM region_township
WHERE county_code = '411422';

INSERT INTO region_place_name (county_code, term, kind, township_id, note, created_at, updated_at)
SELECT t.county_code, a.alias, 'TOWNSHIP_ALIAS', t.id, '简称', @now, @now
FROM region_township t
         JOIN (SELECT '平岗镇' AS name, '平岗' AS alias
               UNION ALL SELECT '长岗镇', '长岗'
               UNION ALL SELECT '潮庄镇', '潮庄'
               UNION ALL SELECT '西陵寺镇', '西陵寺'
               UNION ALL SELECT '周堂镇', '周堂'
               UNION ALL SELECT '蓼堤镇', '蓼堤'
               UNION ALL SELECT '尚屯镇', '尚屯'
               UNION ALL SELECT '匡城乡', '匡城'
               UNION ALL SELECT '河集乡', '河集'
               UNION ALL SELECT '白楼乡', '白楼'
               UNION ALL SELECT '白庙乡', '白庙'
               UNION ALL SELECT '胡堂乡', '胡堂'
               UNION ALL SELECT '尤吉屯乡', '尤吉屯'
               UNION ALL SELECT '董店乡', '董店'
               UNION ALL SELECT '涧岗乡', '涧岗'
               UNION ALL SELECT '孙聚寨乡', '孙聚寨') a ON a.name = t.name
WHERE t.county_code = '411422';
