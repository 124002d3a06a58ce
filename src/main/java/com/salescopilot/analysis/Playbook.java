package com.salescopilot.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the co-pilot knows about the seller's business: company, market, currency, default answer
 * language, products, competitors, hard rules, tone and the buyer archetypes the analysis chooses
 * from. Every prompt carries it. {@link #defaults()} suits a generic considered-purchase seller in
 * Poland; admins replace it on the settings page.
 *
 * @param language ISO code of the default answer language ({@code pl} or {@code en}); a session's own
 *                 language wins
 */
public record Playbook(String company, String market, String currency, String language, List<String> products,
                       List<String> competitors, List<String> hardRules, String tone, List<Archetype> archetypes) {

    /** A buyer archetype: a short name (what the analysis returns) and what characterises it. */
    public record Archetype(String name, String description) {

        public Archetype {
            name = Records.text(name).strip();
            description = Records.text(description).strip();
        }
    }

    public Playbook {
        company = Records.text(company).strip();
        market = Records.text(market).strip();
        currency = Records.text(currency).strip().toUpperCase(Locale.ROOT);
        language = Records.text(language).strip().toLowerCase(Locale.ROOT);
        products = Records.list(products);
        competitors = Records.list(competitors);
        hardRules = Records.list(hardRules);
        tone = Records.text(tone).strip();
        archetypes = Records.list(archetypes);
    }

    public List<String> archetypeNames() {
        return archetypes.stream().map(Archetype::name).toList();
    }

    /** The archetype with this name, ignoring case, spaces and punctuation. */
    public Optional<Archetype> archetype(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = Records.fold(name);
        return archetypes.stream().filter(a -> Records.fold(a.name()).equals(wanted) && !wanted.isEmpty()).findFirst();
    }

    /**
     * Sensible defaults for a seller of a considered purchase (a car, a kitchen, a solar installation…)
     * in Poland, in PLN, answering in Polish: generic products, no named competitors, the hard rules
     * every such seller keeps, a consultative tone and six buyer archetypes.
     */
    public static Playbook defaults() {
        return new Playbook(
                "Our company (set the company name in the playbook)",
                "Poland; private and business buyers of a considered purchase that takes several conversations",
                "PLN",
                "pl",
                List.of(
                        "Standard offer: the core product in its base configuration, in stock or on order",
                        "Premium offer: a higher tier with more equipment, extended warranty and service package",
                        "Financing: cash, consumer loan, leasing or long-term rental for private and business buyers",
                        "Trade-in of the client's current product, valued on site",
                        "After-sales care: warranty, maintenance plans, a dedicated advisor"),
                List.of(),
                List.of(
                        "Never recommend, praise or point the client to a competitor; compare fairly with facts only when the client brings a competitor up",
                        "Never promise prices, discounts, delivery dates or financing terms that are not in the knowledge provided; say you will check",
                        "Never invent product facts or numbers; if the knowledge does not cover it, say so and offer to find out",
                        "Never pressure or manipulate the client; no false urgency",
                        "Never ask for sensitive personal data (health, religion, politics, exact income) and never store the client's real name unless they offer it"),
                "Warm, professional and concise; consultative rather than pushy; plain language without jargon; mirror the client's pace",
                List.of(
                        new Archetype("Analyst", "decides on data: specifications, numbers, comparisons, total cost of ownership; distrusts enthusiasm"),
                        new Archetype("Pragmatist", "wants a sensible, reliable solution at a fair price; practical use, running costs, convenience"),
                        new Archetype("Enthusiast", "buys the experience and novelty; design, technology, emotion, being first"),
                        new Archetype("Status seeker", "buys prestige and image; brand, exclusivity, premium service, recognition"),
                        new Archetype("Safety seeker", "avoids risk; warranty, safety, proven solutions, guarantees, a trusted advisor"),
                        new Archetype("Conscious buyer", "decides on values; environment, ethics, long-term responsibility, family needs")));
    }
}
