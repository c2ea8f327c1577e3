package cn.cac.gzh.account;

/** The authenticated operator of a mini-program request ({@code @AuthenticationPrincipal}). */
public record CurrentOperator(long id) {
}
