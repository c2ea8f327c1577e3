package cn.cac.gzh.region.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import cn.cac.gzh.common.db.RetryTransientFailures;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.region.PlaceName;
import cn.cac.gzh.region.PlaceNameAdministration;
import cn.cac.gzh.region.PlaceNameKind;
import cn.cac.gzh.region.RegionProperties;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DictionaryAdministration implements PlaceNameAdministration {

    private final JdbcClient jdbc;
    private final String countyCode;
    private final Clock clock;

    DictionaryAdministration(JdbcClient jdbc, RegionProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.countyCode = properties.countyCode();
        this.clock = clock;
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public PlaceName add(String term, PlaceNameKind kind, String township) {
        String word = term.strip();
        if (word.codePointCount(0, word.length()) < 2 || word.length() > 32) {
            throw DomainException.invalid("TERM_INVALID", "地名词应为2至32个字");
        }
        boolean needsTownship = kind == PlaceNameKind.TOWNSHIP_NAME || kind == PlaceNameKind.TOWNSHIP_ALIAS;
        Long townshipId = null;
        if (needsTownship) {
            if (township == null || township.isBlank()) {
                throw DomainException.invalid("TOWNSHIP_REQUIRED", "乡镇名称或简称须指明所属乡镇");
            }
            townshipId = jdbc.sql("SELECT id FROM region_township WHERE county_code = ? AND name = ?")
                    .params(countyCode, township.strip()).query(Long.class).optional()
                    .orElseThrow(() -> DomainException.invalid("TOWNSHIP_NOT_FOUND", "乡镇不存在：" + township));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            jdbc.sql("""
                    INSERT INTO region_place_name (county_code, term, kind, township_id, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).params(countyCode, word, kind.name(), townshipId, now, now).update();
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("TERM_EXISTS", "词典中已有该词：" + word);
        }
        return new PlaceName(word, kind, needsTownship ? township.strip() : null);
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public void remove(String term) {
        int removed = jdbc.sql("DELETE FROM region_place_name WHERE county_code = ? AND term = ?")
                .params(countyCode, term.strip()).update();
        if (removed == 0) {
            throw DomainException.notFound("TERM_NOT_FOUND", "词典中没有该词");
        }
    }
}
