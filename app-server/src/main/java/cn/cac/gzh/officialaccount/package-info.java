/**
 * The office's official account: the callback portal (plain and safe mode, signature and appid
 * checks, XXE-safe parsing, de-duplication across instances), one small handler per message kind
 * behind WxJava's router, and the follower records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Official account")
package cn.cac.gzh.officialaccount;
