package com.salescopilot.security.api;

import com.salescopilot.security.CurrentUser;
import com.salescopilot.security.NewUser;
import com.salescopilot.security.UserService;
import com.salescopilot.security.UserSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserApi {

    record CreateUserRequest(String username, String password, String displayName, String role, String locale) {
    }

    record UserResponse(long id, String username, String displayName, String role, boolean enabled, String locale) {
        static UserResponse of(UserSummary u) {
            return new UserResponse(u.id(), u.username(), u.displayName(), u.role().name(), u.enabled(), u.locale());
        }
    }

    private final UserService users;
    private final CurrentUser currentUser;

    UserApi(UserService users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (admin only)")
    UserResponse create(@RequestBody CreateUserRequest request) {
        var actor = currentUser.require();
        actor.requireAdmin();
        return UserResponse.of(users.create(actor, new NewUser(request.username(), request.password(),
                request.displayName(), UserService.parseRole(request.role()), request.locale())));
    }
}
