package com.salescopilot.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Sales defaults until the playbook takes them over: the currency deal values are stated in. */
@ConfigurationProperties("copilot.sales")
public record SalesProperties(@DefaultValue("PLN") String currency) {
}
