package cn.cac.gzh.region.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import cn.cac.gzh.common.DomainException;
import cn.cac.gzh.common.db.RetryTransientFailures;
import cn.cac.gzh.region.ImportResult;
import cn.cac.gzh.region.PlaceName;
import cn.cac.gzh.region.PlaceNameAdministration;
import cn.cac.gzh.region.PlaceNameKind;
import cn.cac.gzh.region.RegionDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class DictionaryAdministration implements PlaceNameAdministration {

    private final TownshipMapper townships;
    private final PlaceNameMapper placeNames;
    private final RegionDirectory regions;
    private final Clock clock;

    DictionaryAdministration(TownshipMapper townships, PlaceNameMapper placeNames, RegionDirectory regions, Clock clock) {
        this.townships = townships;
        this.placeNames = placeNames;
        this.regions = regions;
        this.clock = clock;
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public PlaceName add(String countyCode, String term, PlaceNameKind kind, String township) {
        regions.requireCounty(countyCode);
        String word;
        try {
            word = PlaceNameText.word(term);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("TERM_INVALID", "地名词应为2至32个字");
        }
        Long townshipId = townshipOf(countyCode, kind, township);
        try {
            placeNames.insert(countyCode, word, kind, townshipId, LocalDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("TERM_EXISTS", "词典中已有该词：" + word);
        }
        return new PlaceName(word, kind, townshipId == null ? null : township.strip());
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public void remove(String countyCode, String term) {
        int removed = placeNames.delete(countyCode, term.strip());
        if (removed == 0) {
            throw DomainException.notFound("TERM_NOT_FOUND", "词典中没有该词");
        }
    }

    @Override
    @Transactional
    @RetryTransientFailures
    public ImportResult importText(String countyCode, String text) {
        regions.requireCounty(countyCode);
        List<PlaceNameText.Entry> entries = PlaceNameText.parse(text);
        LocalDateTime now = LocalDateTime.now(clock);
        int townshipsAdded = 0;
        int wordsAdded = 0;
        int there = 0;
        // townships first, so that a short form may name a township listed further down
        for (PlaceNameText.Entry entry : entries) {
            if (entry instanceof PlaceNameText.NewTownship township) {
                boolean added = townships.addIfAbsent(countyCode, township.name(), township.kind(), now) == 1;
                townshipsAdded += added ? 1 : 0;
                there += added ? 0 : 1;
                placeNames.insertIfAbsent(countyCode, township.name(), PlaceNameKind.TOWNSHIP_NAME,
                        townships.idByName(countyCode, township.name()), now);
            }
        }
        for (PlaceNameText.Entry entry : entries) {
            if (entry instanceof PlaceNameText.NewWord word) {
                Long townshipId = townshipOf(countyCode, word.kind(), word.township());
                boolean added = placeNames.insertIfAbsent(countyCode, word.term(), word.kind(), townshipId, now) == 1;
                wordsAdded += added ? 1 : 0;
                there += added ? 0 : 1;
            }
        }
        return new ImportResult(townshipsAdded, wordsAdded, there);
    }

    /** The township a township's name or short form stands for (none for county-wide words). */
    private Long townshipOf(String countyCode, PlaceNameKind kind, String township) {
        if (kind != PlaceNameKind.TOWNSHIP_NAME && kind != PlaceNameKind.TOWNSHIP_ALIAS) {
            return null;
        }
        if (township == null || township.isBlank()) {
            throw DomainException.invalid("TOWNSHIP_REQUIRED", "乡镇名称或简称须指明所属乡镇");
        }
        return Optional.ofNullable(townships.idByName(countyCode, township.strip()))
                .orElseThrow(() -> DomainException.invalid("TOWNSHIP_NOT_FOUND", "乡镇不存在：" + township.strip()));
    }
}
