package cn.cac.gzh.officialaccount;

import java.util.Optional;

/**
 * A command a follower sends to the official account as text, answered by the module it belongs
 * to (e.g. the console's "绑定 123456" that links a staff member's WeChat). The first command that
 * answers wins; keywords and help come after all of them.
 */
public interface TextCommand {

    /** The reply, or empty when the text is not this command. */
    Optional<String> reply(String openid, String text);
}
