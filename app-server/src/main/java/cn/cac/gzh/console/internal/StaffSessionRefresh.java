package cn.cac.gzh.console.internal;

import java.io.IOException;
import java.util.Optional;

import cn.cac.gzh.console.CurrentStaff;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session follows its account: an administrator's change of roles, scope or name holds from the staff member's next
 * request, and a disabled or removed account is signed out there (one primary-key read per console API request, which
 * the console's few users can afford; a session cached its account for hours before).
 */
final class StaffSessionRefresh extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(StaffSessionRefresh.class);

    private final StaffAccounts accounts;
    private final SecurityContextRepository contexts;

    StaffSessionRefresh(StaffAccounts accounts, SecurityContextRepository contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/console/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentStaff remembered) {
            Optional<CurrentStaff> current = accounts.reload(remembered.id());
            if (current.isEmpty()) {
                log.info("Session of a disabled or removed staff account ended: staffId={}", remembered.id());
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (!current.get().equals(remembered)) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(signedIn(current.get()));
                SecurityContextHolder.setContext(context);
                contexts.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    /** The authentication of a signed-in staff member (also what the login stores). */
    static Authentication signedIn(CurrentStaff staff) {
        return new UsernamePasswordAuthenticationToken(staff, null,
                staff.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
    }
}
