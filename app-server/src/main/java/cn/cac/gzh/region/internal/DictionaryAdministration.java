package cn.cac.gzh.region.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Optional;

import cn.cac.gzh.common.db.RetryTransientFailures;
import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.region.PlaceName;
import cn.cac.gzh.region.PlaceNameAdministration;
import cn.cac.gzh.region.PlaceNameKind;
import cn.cac.gzh.region.RegionProperties;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DictionaryAdministration implements PlaceNameAdministration {

    private final TownshipMapper townships;
    private final PlaceNameMapper placeNames;
    private final String countyCode;
    private final Clock clock;

    DictionaryAdministration(TownshipMapper townships, PlaceNameMapper placeNames, RegionProperties properties, Clock clock) {
        this.townships = townships;
        this.placeNames = placeNames;
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
            townshipId = Optional.ofNullable(townships.idByName(countyCode, township.strip()))
                    .orElseThrow(() -> DomainException.invalid("TOWNSHIP_NOT_FOUND", "乡镇不存在：" + township));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            placeNames.insert(countyCode, word, kind, townshipId, now);
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("TERM_EXISTS", "词典中已有该词：" + word);
        }
        return new PlaceName(word, kind, needsTownship ? township.strip() : null);
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public void remove(String term) {
        int removed = placeNames.delete(countyCode, term.strip());
        if (removed == 0) {
            throw DomainException.notFound("TERM_NOT_FOUND", "词典中没有该词");
        }
    }
}
