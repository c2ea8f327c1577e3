package cn.cac.gzh.account.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Turns {@code Authorization: Bearer <token>} into the operator's authentication. Not a bean: lives only in the mini chain. */
class OperatorTokenFilter extends OncePerRequestFilter {

    static final String EXPIRED_ATTRIBUTE = OperatorTokenFilter.class.getName() + ".expired";
    private static final String PREFIX = "Bearer ";

    private final OperatorSessions sessions;

    OperatorTokenFilter(OperatorSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearerToken(request);
        if (token != null) {
            sessions.authenticate(token).ifPresentOrElse(operator -> {
                var authentication = new UsernamePasswordAuthenticationToken(operator, token,
                        List.of(new SimpleGrantedAuthority("ROLE_OPERATOR")));
                SecurityContextHolder.getContext().setAuthentication(authentication);
            }, () -> request.setAttribute(EXPIRED_ATTRIBUTE, sessions.isExpired(token)));
        }
        chain.doFilter(request, response);
    }

    static String bearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith(PREFIX) || header.length() > PREFIX.length() + 200) {
            return null;
        }
        String token = header.substring(PREFIX.length()).strip();
        return token.isEmpty() ? null : token;
    }
}
