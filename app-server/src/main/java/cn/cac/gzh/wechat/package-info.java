/**
 * WeChat: the WxJava services of the mini-program and of the office's official account, with
 * access tokens shared by all instances through Redis ({@code stable_token}). Every outbound WeChat
 * call goes through the beans configured here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "WeChat")
package cn.cac.gzh.wechat;
