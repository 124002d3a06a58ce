package com.salescopilot.analysis.ai;

import com.salescopilot.analysis.AnalysisResult;
import com.salescopilot.analysis.BigFive;
import com.salescopilot.analysis.BigFiveTrait;
import com.salescopilot.analysis.ChurnRisk;
import com.salescopilot.analysis.ClarifyingQuestion;
import com.salescopilot.analysis.ClientDna;
import com.salescopilot.analysis.CommunicationStyle;
import com.salescopilot.analysis.Disc;
import com.salescopilot.analysis.DiscStyle;
import com.salescopilot.analysis.Indicators;
import com.salescopilot.analysis.JourneyStage;
import com.salescopilot.analysis.ObjectionHandler;
import com.salescopilot.analysis.Playbook;
import com.salescopilot.analysis.PurchaseTemperature;
import com.salescopilot.analysis.RiskLevel;
import com.salescopilot.analysis.SalesPotential;
import com.salescopilot.analysis.SchwartzValue;
import com.salescopilot.analysis.SchwartzValues;
import com.salescopilot.analysis.Strategy;
import com.salescopilot.analysis.StyleScore;
import com.salescopilot.analysis.TemperatureBand;
import com.salescopilot.analysis.TraitScore;
import com.salescopilot.analysis.ValueScore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Checks and normalises an {@link AnalysisResult}:
 * <ul>
 * <li>every score, confidence, relevance, probability and progress is clamped into 0–100 (and the
 * deal value to ≥ 0), each clamp recorded as a warning;</li>
 * <li>the temperature band and the churn level are derived from their scores when missing or
 * inconsistent (cold/low &lt; 34 ≤ warm/medium &lt; 67 ≤ hot/high); the DISC primary style from the
 * highest score when missing or not the highest; the Schwartz top values from relevance when none
 * valid is named;</li>
 * <li>texts are stripped; blank and duplicate list items dropped; lists cut to their caps (5 strategic
 * notes, 6 suggested actions, 2 clarifying questions, 3 top values, {@value AnalysisSchema#MAX_EVIDENCE}
 * evidence quotes per trait, {@value AnalysisSchema#MAX_OTHER_ITEMS} items in the other lists);
 * incomplete objection handlers and clarifying questions dropped;</li>
 * <li>the archetype is matched to the playbook's spelling (a name not in the playbook is a warning),
 * a runner-up equal to the archetype is cleared, a blank currency becomes the playbook's;</li>
 * <li>missing parts are <em>errors</em>: big_five and its five traits, disc and its four styles,
 * schwartz_values and its ten values, client_dna, indicators and its four indicators (with a journey
 * stage), strategy and its next_best_action. An invalid result gets one repair retry.</li>
 * </ul>
 * Stateless apart from the playbook; thread-safe.
 */
public final class AnalysisValidator {

    private final Playbook playbook;
    private final AnalysisParser parser = new AnalysisParser();

    /** @param playbook the archetypes and currency to check against; null skips those checks */
    public AnalysisValidator(Playbook playbook) {
        this.playbook = playbook;
    }

    /** Parses the model's text and validates it; the errors of both steps, without duplicates. */
    public ValidationReport check(String raw) {
        ParseOutcome parsed = parser.parse(raw);
        if (parsed.result() == null) {
            return new ValidationReport(null, parsed.errors(), parsed.warnings());
        }
        ValidationReport validated = validate(parsed.result());
        List<String> errors = new ArrayList<>(parsed.errors());
        Set<String> parsePaths = new HashSet<>();
        parsed.errors().forEach(e -> parsePaths.add(pathOf(e)));
        for (String error : validated.errors()) {
            if (!coveredBy(pathOf(error), parsePaths)) {
                errors.add(error);
            }
        }
        List<String> warnings = new ArrayList<>(parsed.warnings());
        warnings.addAll(validated.warnings());
        return new ValidationReport(validated.result(), errors, warnings);
    }

    public ValidationReport validate(AnalysisResult input) {
        if (input == null) {
            return new ValidationReport(null, List.of("(root): no analysis"), List.of());
        }
        Fixer fix = new Fixer();
        AnalysisResult result = new AnalysisResult(
                fix.bigFive(input.bigFive()),
                fix.disc(input.disc()),
                fix.schwartz(input.schwartzValues()),
                fix.clientDna(input.clientDna()),
                fix.indicators(input.indicators()),
                fix.strategy(input.strategy()),
                fix.clarifyingQuestions(input.clarifyingQuestions()),
                fix.percent(input.overallConfidence(), "overall_confidence"),
                input.needsMoreInformation());
        return new ValidationReport(result, fix.errors, fix.warnings);
    }

    private static String pathOf(String message) {
        int colon = message.indexOf(": ");
        return colon < 0 ? message : message.substring(0, colon);
    }

    private static boolean coveredBy(String path, Set<String> parsePaths) {
        for (String parsePath : parsePaths) {
            if (path.equals(parsePath) || path.startsWith(parsePath + ".") || path.startsWith(parsePath + "[")) {
                return true;
            }
        }
        return false;
    }

    private final class Fixer {

        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        BigFive bigFive(BigFive in) {
            if (in == null) {
                errors.add("big_five: missing");
                return null;
            }
            TraitScore[] traits = new TraitScore[BigFiveTrait.values().length];
            for (BigFiveTrait trait : BigFiveTrait.values()) {
                traits[trait.ordinal()] = required(in.get(trait), "big_five." + trait.code(), this::trait);
            }
            return new BigFive(traits[0], traits[1], traits[2], traits[3], traits[4]);
        }

        TraitScore trait(TraitScore in, String path) {
            return new TraitScore(
                    percent(in.score(), path + ".score"),
                    percent(in.confidence(), path + ".confidence"),
                    text(in.rationale()),
                    texts(in.evidence(), path + ".evidence", AnalysisSchema.MAX_EVIDENCE),
                    text(in.strategy()));
        }

        Disc disc(Disc in) {
            if (in == null) {
                errors.add("disc: missing");
                return null;
            }
            StyleScore[] styles = new StyleScore[DiscStyle.values().length];
            for (DiscStyle style : DiscStyle.values()) {
                styles[style.ordinal()] = required(in.get(style), "disc." + style.dimension(), this::style);
            }
            Disc fixed = new Disc(styles[0], styles[1], styles[2], styles[3], in.primaryStyle());
            DiscStyle strongest = fixed.strongestStyle();
            DiscStyle primary = in.primaryStyle();
            if (strongest != null) {
                if (primary == null) {
                    warnings.add("disc.primary_style: missing; derived from the scores: " + strongest.letter());
                    primary = strongest;
                } else if (fixed.get(primary).score() < fixed.get(strongest).score()) {
                    warnings.add("disc.primary_style: " + primary.letter() + " is not the highest score; set to "
                            + strongest.letter());
                    primary = strongest;
                }
            }
            return new Disc(styles[0], styles[1], styles[2], styles[3], primary);
        }

        StyleScore style(StyleScore in, String path) {
            return new StyleScore(percent(in.score(), path + ".score"), text(in.rationale()), text(in.strategy()));
        }

        SchwartzValues schwartz(SchwartzValues in) {
            if (in == null) {
                errors.add("schwartz_values: missing");
                return null;
            }
            ValueScore[] values = new ValueScore[SchwartzValue.values().length];
            for (SchwartzValue value : SchwartzValue.values()) {
                values[value.ordinal()] = required(in.get(value), "schwartz_values." + value.code(), this::value);
            }
            SchwartzValues scored = new SchwartzValues(values[0], values[1], values[2], values[3], values[4],
                    values[5], values[6], values[7], values[8], values[9], List.of());
            Set<SchwartzValue> top = new LinkedHashSet<>();
            for (SchwartzValue value : in.topValues()) {
                if (scored.get(value) != null) {
                    top.add(value);
                }
            }
            if (top.size() < in.topValues().size()) {
                warnings.add("schwartz_values.top_values: duplicate or missing values dropped");
            }
            List<SchwartzValue> topValues = new ArrayList<>(top);
            if (topValues.size() > AnalysisResult.MAX_TOP_VALUES) {
                warnings.add("schwartz_values.top_values: " + topValues.size() + " values; kept the first "
                        + AnalysisResult.MAX_TOP_VALUES);
                topValues = topValues.subList(0, AnalysisResult.MAX_TOP_VALUES);
            }
            if (topValues.isEmpty()) {
                topValues = scored.mostRelevant(AnalysisResult.MAX_TOP_VALUES);
                if (!topValues.isEmpty()) {
                    warnings.add("schwartz_values.top_values: none named; derived from relevance");
                }
            }
            return new SchwartzValues(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                    values[7], values[8], values[9], topValues);
        }

        ValueScore value(ValueScore in, String path) {
            return new ValueScore(percent(in.relevance(), path + ".relevance"), text(in.rationale()),
                    text(in.strategy()));
        }

        ClientDna clientDna(ClientDna in) {
            if (in == null) {
                errors.add("client_dna: missing");
                return null;
            }
            CommunicationStyle style = in.communicationStyle();
            if (style == null) {
                warnings.add("client_dna.communication_style: missing; left empty");
                style = new CommunicationStyle("", "", "", "");
            }
            return new ClientDna(
                    text(in.summary()),
                    text(in.mainDrive()),
                    new CommunicationStyle(text(style.approach()), text(style.tone()), text(style.pace()),
                            text(style.informationDensity())),
                    texts(in.keyLevers(), "client_dna.key_levers", AnalysisSchema.MAX_OTHER_ITEMS),
                    texts(in.redFlags(), "client_dna.red_flags", AnalysisSchema.MAX_OTHER_ITEMS),
                    texts(in.missingInformation(), "client_dna.missing_information", AnalysisSchema.MAX_OTHER_ITEMS));
        }

        Indicators indicators(Indicators in) {
            if (in == null) {
                errors.add("indicators: missing");
                return null;
            }
            return new Indicators(
                    required(in.purchaseTemperature(), "indicators.purchase_temperature", this::temperature),
                    required(in.journeyStage(), "indicators.journey_stage", this::journey),
                    required(in.churnRisk(), "indicators.churn_risk", this::churn),
                    required(in.salesPotential(), "indicators.sales_potential", this::potential));
        }

        PurchaseTemperature temperature(PurchaseTemperature in, String path) {
            int score = percent(in.score(), path + ".score");
            TemperatureBand band = TemperatureBand.of(score);
            if (in.band() == null) {
                warnings.add(path + ".band: missing; derived from the score: " + band.code());
            } else if (in.band() != band) {
                warnings.add(path + ".band: " + in.band().code() + " does not match the score " + score + "; set to "
                        + band.code());
            }
            return new PurchaseTemperature(score, band, text(in.rationale()), text(in.strategy()),
                    percent(in.confidence(), path + ".confidence"));
        }

        JourneyStage journey(JourneyStage in, String path) {
            if (in.stage() == null) {
                errors.add(path + ".stage: missing; expected awareness, consideration, evaluation, decision or purchase");
            }
            return new JourneyStage(in.stage(), percent(in.progress(), path + ".progress"), text(in.rationale()),
                    text(in.strategy()), percent(in.confidence(), path + ".confidence"));
        }

        ChurnRisk churn(ChurnRisk in, String path) {
            int score = percent(in.score(), path + ".score");
            RiskLevel level = RiskLevel.of(score);
            if (in.level() == null) {
                warnings.add(path + ".level: missing; derived from the score: " + level.code());
            } else if (in.level() != level) {
                warnings.add(path + ".level: " + in.level().code() + " does not match the score " + score + "; set to "
                        + level.code());
            }
            return new ChurnRisk(score, level, texts(in.riskFactors(), path + ".risk_factors",
                    AnalysisSchema.MAX_OTHER_ITEMS), text(in.rationale()), text(in.strategy()),
                    percent(in.confidence(), path + ".confidence"));
        }

        SalesPotential potential(SalesPotential in, String path) {
            BigDecimal value = in.value();
            if (value.signum() < 0) {
                warnings.add(path + ".value: " + value.toPlainString() + " is negative; clamped to 0");
                value = BigDecimal.ZERO;
            }
            String currency = text(in.currency()).toUpperCase(Locale.ROOT);
            if (playbook != null && !playbook.currency().isEmpty()) {
                if (currency.isEmpty()) {
                    warnings.add(path + ".currency: missing; the playbook's " + playbook.currency() + " assumed");
                    currency = playbook.currency();
                } else if (!currency.equals(playbook.currency())) {
                    warnings.add(path + ".currency: " + currency + " differs from the playbook's " + playbook.currency());
                }
            }
            return new SalesPotential(value, currency, percent(in.probability(), path + ".probability"),
                    text(in.timeframe()), text(in.rationale()), text(in.strategy()),
                    percent(in.confidence(), path + ".confidence"));
        }

        Strategy strategy(Strategy in) {
            if (in == null) {
                errors.add("strategy: missing");
                return null;
            }
            String archetype = archetype(text(in.archetype()), "strategy.archetype");
            if (archetype.isEmpty()) {
                warnings.add("strategy.archetype: missing");
            }
            String runnerUp = archetype(text(in.runnerUpArchetype()), "strategy.runner_up_archetype");
            if (!runnerUp.isEmpty() && runnerUp.equalsIgnoreCase(archetype)) {
                warnings.add("strategy.runner_up_archetype: the same as the archetype; cleared");
                runnerUp = "";
            }
            String next = text(in.nextBestAction());
            if (next.isEmpty()) {
                errors.add("strategy.next_best_action: missing");
            }
            return new Strategy(
                    archetype,
                    percent(in.archetypeConfidence(), "strategy.archetype_confidence"),
                    runnerUp,
                    text(in.mainAnalysis()),
                    texts(in.strategicNotes(), "strategy.strategic_notes", AnalysisResult.MAX_STRATEGIC_NOTES),
                    texts(in.suggestedActions(), "strategy.suggested_actions", AnalysisResult.MAX_SUGGESTED_ACTIONS),
                    texts(in.buySignals(), "strategy.buy_signals", AnalysisSchema.MAX_OTHER_ITEMS),
                    texts(in.riskSignals(), "strategy.risk_signals", AnalysisSchema.MAX_OTHER_ITEMS),
                    objectionHandlers(in.objectionHandlers()),
                    next,
                    text(in.followUpTiming()));
        }

        String archetype(String name, String path) {
            if (name.isEmpty() || playbook == null || playbook.archetypes().isEmpty()) {
                return name;
            }
            return playbook.archetype(name).map(Playbook.Archetype::name).orElseGet(() -> {
                warnings.add(path + ": \"" + name + "\" is not one of the playbook's archetypes");
                return name;
            });
        }

        List<ObjectionHandler> objectionHandlers(List<ObjectionHandler> in) {
            String path = "strategy.objection_handlers";
            List<ObjectionHandler> kept = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int dropped = 0;
            for (ObjectionHandler handler : in) {
                ObjectionHandler clean = new ObjectionHandler(text(handler.objection()), text(handler.response()));
                if (clean.objection().isEmpty() || clean.response().isEmpty()
                        || !seen.add(clean.objection().toLowerCase(Locale.ROOT))) {
                    dropped++;
                } else {
                    kept.add(clean);
                }
            }
            if (dropped > 0) {
                warnings.add(path + ": " + dropped + " incomplete or duplicate handler(s) dropped");
            }
            return cap(kept, path, AnalysisSchema.MAX_OTHER_ITEMS);
        }

        List<ClarifyingQuestion> clarifyingQuestions(List<ClarifyingQuestion> in) {
            String path = "clarifying_questions";
            List<ClarifyingQuestion> kept = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int dropped = 0;
            for (ClarifyingQuestion question : in) {
                ClarifyingQuestion clean = new ClarifyingQuestion(text(question.question()), text(question.optionA()),
                        text(question.optionB()), text(question.settles()));
                if (clean.question().isEmpty() || clean.optionA().isEmpty() || clean.optionB().isEmpty()
                        || !seen.add(clean.question().toLowerCase(Locale.ROOT))) {
                    dropped++;
                } else {
                    kept.add(clean);
                }
            }
            if (dropped > 0) {
                warnings.add(path + ": " + dropped + " incomplete or duplicate question(s) dropped");
            }
            return cap(kept, path, AnalysisResult.MAX_CLARIFYING_QUESTIONS);
        }

        // --- helpers ---

        <T> T required(T part, String path, BiFunction<T, String, T> fix) {
            if (part == null) {
                errors.add(path + ": missing");
                return null;
            }
            return fix.apply(part, path);
        }

        int percent(int value, String path) {
            if (value < 0 || value > 100) {
                int clamped = Math.max(0, Math.min(100, value));
                warnings.add(path + ": " + value + " is out of range 0-100; clamped to " + clamped);
                return clamped;
            }
            return value;
        }

        String text(String value) {
            return value == null ? "" : value.strip();
        }

        List<String> texts(List<String> values, String path, int max) {
            List<String> kept = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            int dropped = 0;
            for (String value : values) {
                String clean = text(value);
                if (clean.isEmpty() || !seen.add(clean.toLowerCase(Locale.ROOT))) {
                    dropped++;
                } else {
                    kept.add(clean);
                }
            }
            if (dropped > 0) {
                warnings.add(path + ": " + dropped + " blank or duplicate item(s) dropped");
            }
            return cap(kept, path, max);
        }

        <T> List<T> cap(List<T> items, String path, int max) {
            if (items.size() > max) {
                warnings.add(path + ": " + items.size() + " items; kept the first " + max);
                return List.copyOf(items.subList(0, max));
            }
            return List.copyOf(items);
        }
    }
}
