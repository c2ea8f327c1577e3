/**
 * The platform's one way to send anything to a person: an inbox item in the mini-program (always)
 * and, where WeChat allows, a subscribe message and a template message, as delivery rows claimed by
 * workers on every instance, sent outside transactions under a cluster-wide rate limit, retried,
 * paused on quota, never sent twice. Sources (policy pushes, reminders) enqueue messages here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delivery")
package cn.cac.gzh.delivery;
