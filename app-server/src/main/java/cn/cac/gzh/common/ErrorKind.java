package cn.cac.gzh.common;

/**
 * Why a request was refused, in the domain's words. The web edge maps each kind to an HTTP status
 * ({@code ApiExceptionHandler}); the domain never sees HTTP types.
 */
public enum ErrorKind {
    /** The input is wrong (HTTP 400). */
    INVALID,
    /** The caller is not signed in or their sign-in failed (HTTP 401). */
    UNAUTHENTICATED,
    /** The caller may not do this (HTTP 403). */
    FORBIDDEN,
    /** The thing asked for does not exist or is not the caller's (HTTP 404). */
    NOT_FOUND,
    /** The thing exists but is in a state that does not allow this (HTTP 409). */
    CONFLICT,
    /** The thing existed and has been removed for good (HTTP 410). */
    GONE,
    /** The input is bigger than allowed (HTTP 413). */
    TOO_LARGE,
    /** The caller asked too often (HTTP 429, with a retry delay). */
    TOO_MANY_REQUESTS,
    /** A service we depend on is down or busy; trying again later may work (HTTP 503). */
    UNAVAILABLE
}
