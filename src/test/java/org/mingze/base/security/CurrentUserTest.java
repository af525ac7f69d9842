package org.mingze.base.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;

class CurrentUserTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void acting_as_someone_leaves_the_signed_in_persons_context_untouched_and_puts_it_back() {
        var person = new UsernamePasswordAuthenticationToken("wangzh", null, AuthorityUtils.NO_AUTHORITIES);
        SecurityContext theirs = new SecurityContextImpl(person);
        SecurityContextHolder.setContext(theirs);

        SecurityContext previous = CurrentUser.actAs(User.withUsername("zhouxy").password("x").roles("ORGANIZER")
                .build());
        try {
            assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo("zhouxy");
            assertThat(theirs.getAuthentication()).as("the person's own context object is not changed")
                    .isSameAs(person);
        } finally {
            CurrentUser.restore(previous);
        }
        assertThat(SecurityContextHolder.getContext()).isSameAs(theirs);
        assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo("wangzh");
    }
}
