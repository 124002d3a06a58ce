package com.salescopilot.security;

import com.salescopilot.security.domain.UserRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class CopilotUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    CopilotUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsernameIgnoreCase(username)
                .map(u -> new CopilotUser(u.getId(), u.getUsername(), u.getPasswordHash(), u.isEnabled(), u.getRole(),
                        u.getDisplayName()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
