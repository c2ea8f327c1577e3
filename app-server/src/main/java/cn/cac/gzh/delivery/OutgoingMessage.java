package cn.cac.gzh.delivery;

import java.time.LocalDateTime;

/**
 * One message from one source, to be delivered to many people.
 *
 * @param sourceType  what kind of message ({@code POLICY}, …): selects the WeChat templates
 * @param sourceId    the source's id; with the type and the recipient it makes a delivery unique
 * @param publishedAt when it was published (UTC), shown in WeChat messages in Beijing time
 */
public record OutgoingMessage(String sourceType, long sourceId, String title, String summary, LocalDateTime publishedAt) {
}
