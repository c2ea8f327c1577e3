package cn.cac.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Uploads as the mini-program does: ask for a ticket, POST the multipart form straight to the
 * storage server (what {@code wx.uploadFile} sends with {@code formData} and {@code name: "file"}),
 * then confirm.
 */
public final class MaterialUploads {

    public static final List<String> UNIT_CHECKLIST = List.of("LICENCE", "RESPONSIBLE_ID_FRONT", "RESPONSIBLE_ID_BACK",
            "ADMIN_ID_FRONT", "ADMIN_ID_BACK", "SIGNED_UNIT_FORM");
    public static final List<String> INDIVIDUAL_CHECKLIST = List.of("PERSON_ID_FRONT", "PERSON_ID_BACK",
            "SIGNED_INDIVIDUAL_FORM");

    private final MiniApi api;

    public MaterialUploads(MiniApi api) {
        this.api = api;
    }

    /** The storage server's answer to the form POST. */
    public record StorageAnswer(int status, String body) {
    }

    public MiniApi.Response ticket(String token, long filingId, String type, String fileName, String contentType, long size) {
        return api.post("/api/mini/filings/" + filingId + "/materials/uploads", token,
                Map.of("materialType", type, "fileName", fileName, "contentType", contentType, "size", size));
    }

    /** POSTs {@code content} with the ticket's fields; {@code contentTypeField} overrides the form's Content-Type field. */
    @SuppressWarnings("unchecked")
    public static StorageAnswer postToStorage(MiniApi.Response ticket, byte[] content, String fileName, String contentTypeField) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        ((Map<String, String>) ticket.get("fields")).forEach((name, value) ->
                form.add(name, "Content-Type".equals(name) && contentTypeField != null ? contentTypeField : value));
        HttpHeaders partHeaders = new HttpHeaders();
        partHeaders.setContentType(MediaType.APPLICATION_OCTET_STREAM);
        form.add((String) ticket.get("fileField"), new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, partHeaders));
        return LocalServer.anywhere().post().uri((String) ticket.get("url"))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(form)
                .exchange((request, response) -> new StorageAnswer(response.getStatusCode().value(),
                        new String(response.getBody().readAllBytes())));
    }

    public MiniApi.Response confirm(String token, long filingId, MiniApi.Response ticket) {
        return api.post("/api/mini/filings/" + filingId + "/materials/uploads/" + ticket.get("ticketId") + "/confirm",
                token, null);
    }

    /** Ticket, upload, confirm; fails loudly if any step does. */
    public MiniApi.Response upload(String token, long filingId, String type, byte[] content, String fileName, String contentType) {
        MiniApi.Response ticket = ticket(token, filingId, type, fileName, contentType, content.length);
        if (ticket.status() != 201) {
            throw new IllegalStateException("ticket refused: " + ticket);
        }
        StorageAnswer stored = postToStorage(ticket, content, fileName, null);
        if (stored.status() != 204) {
            throw new IllegalStateException("storage refused: " + stored);
        }
        MiniApi.Response confirmed = confirm(token, filingId, ticket);
        if (confirmed.status() != 200) {
            throw new IllegalStateException("confirm refused: " + confirmed);
        }
        return confirmed;
    }

    /** Uploads one JPEG for every item of the form type's checklist. */
    public void completeChecklist(String token, long filingId, String formType) {
        for (String type : "UNIT".equals(formType) ? UNIT_CHECKLIST : INDIVIDUAL_CHECKLIST) {
            upload(token, filingId, type, TestFiles.jpeg(), type.toLowerCase() + ".jpg", "image/jpeg");
        }
    }
}
