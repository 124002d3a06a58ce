package com.salescopilot.security.ui;

import com.salescopilot.base.ConflictException;
import com.salescopilot.base.InvalidInputException;
import com.salescopilot.base.NotFoundException;
import com.salescopilot.base.ui.Formats;
import com.salescopilot.security.Actor;
import com.salescopilot.security.CurrentUser;
import com.salescopilot.security.NewUser;
import com.salescopilot.security.Role;
import com.salescopilot.security.SupportedLocales;
import com.salescopilot.security.UserService;
import com.salescopilot.security.UserSummary;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import java.util.Map;
import java.util.regex.Pattern;

/** Admin only: users, their roles, enabling and disabling, password resets. */
@Route("users")
@Menu(order = 9, title = "nav.users", icon = "vaadin:key")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout implements HasDynamicTitle {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private final UserService users;
    private final Actor actor;

    final Grid<UserSummary> grid = new Grid<>();
    final Button create = new Button();

    UsersView(UserService users, CurrentUser currentUser) {
        this.users = users;
        this.actor = currentUser.require();
        addClassName("users-view");
        setSizeFull();

        H2 title = new H2(getTranslation("users.title"));
        title.addClassName("view-title");
        create.setText(getTranslation("users.new"));
        create.setIcon(new Icon(VaadinIcon.PLUS));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setId("new-user");
        create.addClickListener(e -> new CreateUserDialog().open());
        HorizontalLayout header = new HorizontalLayout(title, create);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        grid.addColumn(UserSummary::username).setHeader(getTranslation("users.column.username"))
                .setKey("username").setFlexGrow(1).setSortProperty("username");
        grid.addColumn(UserSummary::displayName).setHeader(getTranslation("users.column.display-name"))
                .setKey("displayName").setFlexGrow(1);
        grid.addColumn(u -> roleLabel(u.role())).setHeader(getTranslation("users.column.role"))
                .setKey("role").setAutoWidth(true).setFlexGrow(0).setSortProperty("role");
        grid.addColumn(new ComponentRenderer<>(this::enabledBadge)).setHeader(getTranslation("users.column.status"))
                .setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> getTranslation("language." + u.locale())).setHeader(getTranslation("users.column.language"))
                .setKey("language").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> Formats.dateTime(u.createdAt())).setHeader(getTranslation("users.column.created"))
                .setKey("created").setAutoWidth(true).setFlexGrow(0).setSortProperty("createdAt");
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader(getTranslation("users.column.actions"))
                .setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setId("users-grid");
        // newest first unless the admin sorts by a column; ids break ties so that pages never overlap
        grid.setItemsPageable(pageable -> users.list(actor, PageRequest.of(pageable.getPageNumber(),
                pageable.getPageSize(), pageable.getSort().isSorted()
                        ? pageable.getSort().and(Sort.by("id"))
                        : Sort.by(Sort.Direction.DESC, "createdAt", "id"))).getContent());

        add(header, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("users.page-title");
    }

    private Span enabledBadge(UserSummary user) {
        Span badge = new Span(getTranslation(user.enabled() ? "users.enabled" : "users.disabled"));
        badge.getElement().getThemeList().add(user.enabled() ? "badge success" : "badge error");
        return badge;
    }

    private HorizontalLayout actions(UserSummary user) {
        Button role = new Button(getTranslation("users.change-role"), new Icon(VaadinIcon.USER_STAR),
                e -> new RoleDialog(user).open());
        role.addClassName("user-role");
        Button enable = new Button(getTranslation(user.enabled() ? "users.disable" : "users.enable"),
                new Icon(user.enabled() ? VaadinIcon.BAN : VaadinIcon.CHECK), e -> toggleEnabled(user));
        enable.addClassName("user-enable");
        Button password = new Button(getTranslation("users.reset-password"), new Icon(VaadinIcon.PASSWORD),
                e -> new PasswordDialog(user).open());
        password.addClassName("user-password");
        HorizontalLayout actions = new HorizontalLayout(role, enable, password);
        actions.getChildren().forEach(c -> ((Button) c).addThemeVariants(ButtonVariant.LUMO_TERTIARY,
                ButtonVariant.LUMO_SMALL));
        actions.setSpacing(false);
        return actions;
    }

    private void toggleEnabled(UserSummary user) {
        try {
            UserSummary changed = users.changeEnabled(actor, user.id(), !user.enabled());
            notifySuccess(getTranslation(changed.enabled() ? "users.enabled.done" : "users.disabled.done",
                    changed.username()));
        } catch (ConflictException e) {
            notifyError(getTranslation(e.messageKey()));
        } catch (NotFoundException e) {
            notifyError(getTranslation("error.not-found"));
        }
        grid.getDataProvider().refreshAll();
    }

    private String roleLabel(Role role) {
        return getTranslation("role." + role.name().toLowerCase(Locale.ROOT));
    }

    private void notifySuccess(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void notifyError(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static void invalid(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private Select<Role> roleSelect() {
        Select<Role> role = new Select<>();
        role.setLabel(getTranslation("users.field.role"));
        role.setItems(Role.values());
        role.setItemLabelGenerator(this::roleLabel);
        return role;
    }

    private Div errorBox(String id) {
        Div error = new Div();
        error.addClassName("dialog-error");
        error.setVisible(false);
        error.setId(id);
        return error;
    }

    /** Username, display name, password, role, language. */
    final class CreateUserDialog extends Dialog {

        final TextField username = new TextField(getTranslation("users.field.username"));
        final TextField displayName = new TextField(getTranslation("users.field.display-name"));
        final PasswordField password = new PasswordField(getTranslation("users.field.password"));
        final Select<Role> role = roleSelect();
        final Select<Locale> language = new Select<>();
        final Div error = errorBox("create-user-error");
        final Button save = new Button(getTranslation("action.create"));

        CreateUserDialog() {
            addClassName("create-user-dialog");
            setHeaderTitle(getTranslation("users.dialog.new"));
            setWidth("min(34rem, 95vw)");
            username.setRequiredIndicatorVisible(true);
            username.setHelperText(getTranslation("users.field.username.helper"));
            username.setId("new-username");
            displayName.setId("new-display-name");
            password.setRequiredIndicatorVisible(true);
            password.setHelperText(getTranslation("users.field.password.helper", UserService.PASSWORD_MIN));
            password.setId("new-password");
            role.setValue(Role.SELLER);
            role.setId("new-role");
            language.setLabel(getTranslation("users.field.language"));
            language.setItems(SupportedLocales.ALL);
            language.setItemLabelGenerator(l -> getTranslation("language." + l.getLanguage()));
            language.setValue(SupportedLocales.POLISH);
            language.setId("new-language");
            FormLayout form = new FormLayout(username, displayName, password, role, language);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26rem", 2));
            add(error, form);
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("create-user-save");
            save.addClickListener(e -> save());
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        }

        void save() {
            error.setVisible(false);
            username.setInvalid(false);
            password.setInvalid(false);
            displayName.setInvalid(false);
            boolean valid = true;
            if (!USERNAME.matcher(username.getValue().strip()).matches()) {
                invalid(username, getTranslation("users.error.username"));
                valid = false;
            }
            int length = password.getValue().length();
            if (length < UserService.PASSWORD_MIN || length > UserService.PASSWORD_MAX) {
                invalid(password, getTranslation("users.error.password", UserService.PASSWORD_MIN,
                        UserService.PASSWORD_MAX));
                valid = false;
            }
            if (!valid) {
                return;
            }
            try {
                UserSummary created = users.create(actor, new NewUser(username.getValue().strip(), password.getValue(),
                        displayName.getValue(), role.getValue(), language.getValue().getLanguage()));
                close();
                notifySuccess(getTranslation("users.created", created.username()));
                grid.getDataProvider().refreshAll();
            } catch (ConflictException e) {
                invalid(username, getTranslation(e.messageKey()));
            } catch (InvalidInputException e) {
                showFieldErrors(e.fieldErrors());
            }
        }

        private void showFieldErrors(Map<String, String> errors) {
            errors.forEach((field, message) -> {
                switch (field) {
                    case "username" -> invalid(username, getTranslation("users.error.username"));
                    case "password" -> invalid(password, getTranslation("users.error.password",
                            UserService.PASSWORD_MIN, UserService.PASSWORD_MAX));
                    case "display_name" -> invalid(displayName, getTranslation("users.error.display-name"));
                    default -> {
                        error.setText(getTranslation("error.invalid", field + ": " + message));
                        error.setVisible(true);
                    }
                }
            });
        }
    }

    /** Changes one user's role. */
    final class RoleDialog extends Dialog {

        final Select<Role> role = roleSelect();
        final Div error = errorBox("role-error");
        final Button save = new Button(getTranslation("action.save"));

        RoleDialog(UserSummary user) {
            setHeaderTitle(getTranslation("users.dialog.role", user.username()));
            role.setValue(user.role());
            role.setId("change-role");
            add(error, role);
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("role-save");
            save.addClickListener(e -> {
                try {
                    UserSummary changed = users.changeRole(actor, user.id(), role.getValue());
                    close();
                    notifySuccess(getTranslation("users.role.done", changed.username(), roleLabel(changed.role())));
                    grid.getDataProvider().refreshAll();
                } catch (ConflictException ex) {
                    error.setText(getTranslation(ex.messageKey()));
                    error.setVisible(true);
                } catch (NotFoundException ex) {
                    error.setText(getTranslation("error.not-found"));
                    error.setVisible(true);
                }
            });
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        }
    }

    /** Sets a new password for one user. */
    final class PasswordDialog extends Dialog {

        final PasswordField password = new PasswordField(getTranslation("users.field.new-password"));
        final Button save = new Button(getTranslation("action.save"));

        PasswordDialog(UserSummary user) {
            setHeaderTitle(getTranslation("users.dialog.password", user.username()));
            password.setHelperText(getTranslation("users.field.password.helper", UserService.PASSWORD_MIN));
            password.setWidthFull();
            password.setId("reset-password");
            add(password);
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("password-save");
            save.addClickListener(e -> {
                int length = password.getValue().length();
                if (length < UserService.PASSWORD_MIN || length > UserService.PASSWORD_MAX) {
                    invalid(password, getTranslation("users.error.password", UserService.PASSWORD_MIN,
                            UserService.PASSWORD_MAX));
                    return;
                }
                try {
                    users.resetPassword(actor, user.id(), password.getValue());
                    close();
                    notifySuccess(getTranslation("users.password.done", user.username()));
                } catch (InvalidInputException ex) {
                    invalid(password, getTranslation("users.error.password", UserService.PASSWORD_MIN,
                            UserService.PASSWORD_MAX));
                } catch (NotFoundException ex) {
                    invalid(password, getTranslation("error.not-found"));
                }
            });
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        }
    }
}
