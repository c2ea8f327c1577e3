package cn.cac.gzh.material.internal;

import cn.cac.gzh.common.pii.PersonalDataCipher;
import cn.cac.gzh.wechat.DocumentReading;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/** A reading at rest: JSON, encrypted like the form's ID numbers (so key rotation re-encrypts it too). */
@Component
class SealedReadings {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PersonalDataCipher cipher;

    SealedReadings(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    String seal(DocumentReading reading) {
        return cipher.encrypt(JSON.writeValueAsString(reading));
    }

    DocumentReading open(String sealed) {
        return JSON.readValue(cipher.decrypt(sealed), DocumentReading.class);
    }
}
