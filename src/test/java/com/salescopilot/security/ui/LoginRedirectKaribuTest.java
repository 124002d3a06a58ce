package com.salescopilot.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.salescopilot.support.KaribuTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;

class LoginRedirectKaribuTest extends KaribuTest {

    @Test
    void anonymousUserOpeningTheDashboardLandsOnTheLoginView() {
        anonymous();
        UI.getCurrent().navigate("");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(LoginView.class);
    }

    @Test
    void anonymousUserOpeningASessionLandsOnTheLoginView() {
        anonymous();
        UI.getCurrent().navigate("sessions/1");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(LoginView.class);
    }
}
