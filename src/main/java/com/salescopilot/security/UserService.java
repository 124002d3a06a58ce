package com.salescopilot.security;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.base.Texts;
import com.salescopilot.security.domain.AppUser;
import com.salescopilot.security.domain.UserRepository;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The door of the security module: users, roles, passwords, languages. */
@Service
@Transactional
public class UserService {

    public static final int PASSWORD_MIN = 8;
    public static final int PASSWORD_MAX = 128;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    public UserSummary create(Actor actor, NewUser user) {
        actor.requireAdmin();
        return createUnchecked(user);
    }

    /** Creates a user without an acting admin: only for the first-admin bootstrap. */
    UserSummary createUnchecked(NewUser user) {
        Texts.Check check = new Texts.Check();
        String username = check.required("username", user.username(), 64);
        if (username != null && !USERNAME.matcher(username).matches()) {
            check.fail("username", "may contain only letters, digits and . _ @ - (3 to 64 characters)");
        }
        String displayName = check.optional("display_name", user.displayName(), Texts.ALIAS_MAX);
        checkPassword(check, user.password());
        if (user.role() == null) {
            check.fail("role", "must be one of SELLER, MANAGER, ADMIN");
        }
        check.throwIfAny();
        if (users.findByUsernameIgnoreCase(username).isPresent()) {
            throw new ConflictException("error.username-taken", "The username '" + username + "' is already taken");
        }
        String locale = SupportedLocales.of(user.locale()).getLanguage();
        AppUser saved = users.save(new AppUser(username, passwordEncoder.encode(user.password()),
                displayName == null ? username : displayName, user.role(), locale, clock.instant()));
        return toSummary(saved);
    }

    @Transactional(readOnly = true)
    public Slice<UserSummary> list(Actor actor, Pageable pageable) {
        actor.requireAdmin();
        return users.findAllBy(pageable).map(UserService::toSummary);
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> find(long id) {
        return users.findById(id).map(UserService::toSummary);
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsernameIgnoreCase(username).map(UserService::toSummary);
    }

    /** Usernames by id, for showing authors and owners beside rows. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> usernames(java.util.Collection<Long> ids) {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        users.findAllById(ids).forEach(u -> names.put(u.getId(), u.getUsername()));
        return names;
    }

    @Transactional(readOnly = true)
    public boolean exists(String username) {
        return users.findByUsernameIgnoreCase(username).isPresent();
    }

    public UserSummary changeRole(Actor actor, long userId, Role role) {
        actor.requireAdmin();
        AppUser user = load(userId);
        if (user.getRole() == Role.ADMIN && role != Role.ADMIN) {
            requireAnotherActiveAdmin(user);
        }
        user.changeRole(role, clock.instant());
        return toSummary(user);
    }

    public UserSummary changeEnabled(Actor actor, long userId, boolean enabled) {
        actor.requireAdmin();
        AppUser user = load(userId);
        if (!enabled && user.getId() == actor.userId()) {
            throw new ConflictException("error.disable-self", "You cannot disable your own account");
        }
        if (!enabled && user.getRole() == Role.ADMIN) {
            requireAnotherActiveAdmin(user);
        }
        user.changeEnabled(enabled, clock.instant());
        return toSummary(user);
    }

    public void resetPassword(Actor actor, long userId, String newPassword) {
        actor.requireAdmin();
        Texts.Check check = new Texts.Check();
        checkPassword(check, newPassword);
        check.throwIfAny();
        load(userId).changePassword(passwordEncoder.encode(newPassword), clock.instant());
    }

    /** Remembers the UI language a user chose; any user may change their own. */
    public void changeOwnLocale(Actor actor, Locale locale) {
        load(actor.userId()).changeLocale(SupportedLocales.of(locale.toLanguageTag()).getLanguage(), clock.instant());
    }

    @Transactional(readOnly = true)
    public Locale localeOf(long userId) {
        return users.findById(userId).map(u -> SupportedLocales.of(u.getLocale())).orElse(SupportedLocales.POLISH);
    }

    private void requireAnotherActiveAdmin(AppUser user) {
        long activeAdmins = users.countByRoleAndEnabledTrue(Role.ADMIN);
        if (activeAdmins <= 1 && user.isEnabled()) {
            throw new ConflictException("error.last-admin", "The last active administrator cannot be demoted or disabled");
        }
    }

    private static void checkPassword(Texts.Check check, String password) {
        if (password == null || password.length() < PASSWORD_MIN) {
            check.fail("password", "must have at least " + PASSWORD_MIN + " characters");
        } else if (password.length() > PASSWORD_MAX) {
            check.fail("password", "must have at most " + PASSWORD_MAX + " characters");
        }
    }

    private AppUser load(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
    }

    static UserSummary toSummary(AppUser u) {
        return new UserSummary(u.getId(), u.getUsername(), u.getDisplayName(), u.getRole(), u.isEnabled(),
                u.getLocale(), u.getCreatedAt());
    }

    /** Thrown into callers that expect an {@link InvalidInputException}-style answer for an unknown role. */
    public static Role parseRole(String role) {
        if (role == null) {
            throw new InvalidInputException("role", "must be one of SELLER, MANAGER, ADMIN");
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "must be one of SELLER, MANAGER, ADMIN");
        }
    }
}
