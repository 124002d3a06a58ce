package com.salescopilot.analysis.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FastAnswerStreamParserTest {

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("canonical",
                        "SAY: Rozumiem, zasięg zimą to ważne pytanie. Mamy dane z testów.\nASK:\n- Ile kilometrów dziennie Pan jeździ?\n- Czy może Pan ładować w domu?\n",
                        "Rozumiem, zasięg zimą to ważne pytanie. Mamy dane z testów.",
                        List.of("Ile kilometrów dziennie Pan jeździ?", "Czy może Pan ładować w domu?")),
                Arguments.of("case, bold markers, numbering, bullets, blank lines, trailing spaces",
                        "**Say:** Hello there.   \n\n**Ask:**  \n1. First?  \n2) Second?\n\n• Third?\n(4) Fourth?\n",
                        "Hello there.", List.of("First?", "Second?", "Third?", "Fourth?")),
                Arguments.of("no ASK section", "SAY: Just this.", "Just this.", List.of()),
                Arguments.of("format ignored entirely",
                        "I think you should tell them about the warranty.\nAlso mention the service plan.",
                        "I think you should tell them about the warranty.\nAlso mention the service plan.", List.of()),
                Arguments.of("preamble withdrawn by SAY",
                        "Sure, here it is:\n\nSAY: Hi.\nASK:\n- Q?", "Hi.", List.of("Q?")),
                Arguments.of("text on the ASK line", "SAY: Hi.\nASK: What is your budget?\n- When?",
                        "Hi.", List.of("What is your budget?", "When?")),
                Arguments.of("more than five questions",
                        "SAY: Ok.\nASK:\n- 1?\n- 2?\n- 3?\n- 4?\n- 5?\n- 6?\n- 7?", "Ok.",
                        List.of("1?", "2?", "3?", "4?", "5?")),
                Arguments.of("CR LF", "SAY: Hi.\r\nASK:\r\n- Q1?\r\n- Q2?\r\n", "Hi.", List.of("Q1?", "Q2?")),
                Arguments.of("multi-line SAY", "SAY:\nLine one.\nLine two.\nASK:\n- Q?",
                        "Line one.\nLine two.", List.of("Q?")),
                Arguments.of("questions right after SAY without marker", "SAY: Hi there.\n- Q1?\n- Q2?",
                        "Hi there.", List.of("Q1?", "Q2?")),
                Arguments.of("Polish markers", "POWIEDZ: Dzień dobry.\nPYTANIA:\n- Jak Pan dojeżdża?",
                        "Dzień dobry.", List.of("Jak Pan dojeżdża?")),
                Arguments.of("keywords starting ordinary text",
                        "SAY: Hi.\nSay hello to the family too.\nASK:\n- Asking price?\nQuestion about the trade-in value?",
                        "Hi.\nSay hello to the family too.", List.of("Asking price?", "Question about the trade-in value?")),
                Arguments.of("Markdown headings", "### SAY\nHello.\n### ASK\n- Q?", "Hello.", List.of("Q?")),
                Arguments.of("marker without colon on its own line", "Say\nHello.\nAsk\n- Q?", "Hello.", List.of("Q?")),
                Arguments.of("code fence", "```\nSAY: Hi.\nASK:\n- Q?\n```", "Hi.", List.of("Q?")),
                Arguments.of("bold inside", "SAY: This is **very** important.\nASK:\n- **Budget:** how much?",
                        "This is very important.", List.of("Budget: how much?")),
                Arguments.of("emoji", "SAY: Super 👍 oferta.\nASK:\n- Ok 😀?", "Super 👍 oferta.", List.of("Ok 😀?")),
                Arguments.of("single asterisks stay", "SAY: 5 * 3 = 15 *\nASK:\n- a*b?", "5 * 3 = 15 *", List.of("a*b?")),
                Arguments.of("a number is not a bullet", "SAY: Ok.\nASK:\n1.5 million budget?\n12 months or 24?",
                        "Ok.", List.of("1.5 million budget?", "12 months or 24?")),
                Arguments.of("empty bullets and rules", "SAY: Ok.\n---\nASK:\n- \n-\n•\n- Real?", "Ok.", List.of("Real?")),
                Arguments.of("ASK before SAY", "ASK:\n- Q1?\nSAY: Later.", "Later.", List.of("Q1?")),
                Arguments.of("aliases QUICK RESPONSE and QUESTIONS",
                        "Quick response: Tell them.\nQuestions:\n- Why?", "Tell them.", List.of("Why?")),
                Arguments.of("indented bullets and tabs", "SAY:\tTab.\nASK:\n  - Indented?\n\t* Star?",
                        "Tab.", List.of("Indented?", "Star?")),
                Arguments.of("blank", "", "", List.of()),
                Arguments.of("only whitespace", "  \n\n \t ", "", List.of()),
                Arguments.of("only markers", "SAY:\nASK:\n", "", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void parsesTheFormatAndItsVariations(String name, String text, String quick, List<String> questions) {
        FastAnswer answer = FastAnswerStreamParser.parse(text);

        assertThat(answer.quickResponse()).isEqualTo(quick);
        assertThat(answer.questions()).containsExactlyElementsOf(questions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("answers")
    void theResultNeverDependsOnWhereChunksSplit(String name, String text, String quick, List<String> questions) {
        FastAnswer expected = new FastAnswer(quick, questions);
        Random random = new Random(name.hashCode());
        for (int run = 0; run < 300; run++) {
            int maxChunk = run == 0 ? 1 : 1 + random.nextInt(run % 3 == 0 ? 4 : 20);
            List<String> chunks = split(text, random, maxChunk);
            List<FastAnswerEvent> events = new ArrayList<>();
            FastAnswerStreamParser parser = new FastAnswerStreamParser(events::add);
            chunks.forEach(parser::feed);
            FastAnswer answer = parser.finish();

            assertThat(answer).as("chunks %s", chunks).isEqualTo(expected);
            FastAnswerAccumulator accumulator = new FastAnswerAccumulator();
            events.forEach(accumulator::apply);
            assertThat(accumulator.answer()).as("events of chunks %s", chunks).isEqualTo(expected);
            assertWellFormed(events);
        }
    }

    private static List<String> split(String text, Random random, int maxChunk) {
        List<String> chunks = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int size = Math.min(text.length() - at, 1 + random.nextInt(maxChunk));
            chunks.add(text.substring(at, at + size)); // may split a surrogate pair, as a raw char stream could
            at += size;
        }
        return chunks;
    }

    /** Questions start in order 1, 2, 3…, deltas follow their start and are never empty. */
    private static void assertWellFormed(List<FastAnswerEvent> events) {
        int started = 0;
        for (FastAnswerEvent event : events) {
            switch (event) {
                case FastAnswerEvent.QuestionStarted s -> {
                    assertThat(s.number()).isEqualTo(started + 1);
                    started = s.number();
                }
                case FastAnswerEvent.QuestionDelta d -> {
                    assertThat(d.number()).isBetween(1, started);
                    assertThat(d.text()).isNotEmpty();
                }
                case FastAnswerEvent.QuickResponseDelta d -> assertThat(d.text()).isNotEmpty();
                case FastAnswerEvent.QuickResponseReset r -> { }
            }
        }
    }

    @Test
    void wordsArriveBeforeTheLineEnds() {
        List<FastAnswerEvent> events = new ArrayList<>();
        FastAnswerStreamParser parser = new FastAnswerStreamParser(events::add);

        parser.feed("SA");
        assertThat(events).isEmpty();
        parser.feed("Y: Dzień");
        assertThat(events).containsExactly(new FastAnswerEvent.QuickResponseDelta("Dzień"));
        parser.feed(" dobry ");
        assertThat(events).last().isEqualTo(new FastAnswerEvent.QuickResponseDelta(" dobry"));
        parser.feed("Panu.\nASK:\n- Jak");
        assertThat(events).endsWith(new FastAnswerEvent.QuickResponseDelta(" Panu."),
                new FastAnswerEvent.QuestionStarted(1), new FastAnswerEvent.QuestionDelta(1, "Jak"));
        assertThat(parser.snapshot()).isEqualTo(new FastAnswer("Dzień dobry Panu.", List.of("Jak")));
        parser.feed(" często?");
        assertThat(parser.finish()).isEqualTo(new FastAnswer("Dzień dobry Panu.", List.of("Jak często?")));
    }

    @Test
    void aPreambleIsShownThenWithdrawn() {
        List<FastAnswerEvent> events = new ArrayList<>();
        FastAnswerStreamParser parser = new FastAnswerStreamParser(events::add);

        parser.feed("Okay, let me help.\n");
        assertThat(events).containsExactly(new FastAnswerEvent.QuickResponseDelta("Okay, let me help."));
        parser.feed("SAY: Hi.");
        assertThat(events).containsExactly(new FastAnswerEvent.QuickResponseDelta("Okay, let me help."),
                new FastAnswerEvent.QuickResponseReset(), new FastAnswerEvent.QuickResponseDelta("Hi."));
    }

    @Test
    void finishIsIdempotentAndFeedingAfterItIsAMistake() {
        FastAnswerStreamParser parser = new FastAnswerStreamParser(null);
        parser.feed("SAY: Hi");
        FastAnswer first = parser.finish();

        assertThat(parser.finish()).isEqualTo(first).isEqualTo(new FastAnswer("Hi", List.of()));
        assertThatThrownBy(() -> parser.feed("more")).isInstanceOf(IllegalStateException.class);
        parser.feed(null);
    }

    @Test
    void toResultGivesTheStableIds() {
        FastAnswer answer = FastAnswerStreamParser.parse("SAY: Hi.\nASK:\n- A?\n- B?");

        assertThat(answer.toResult(9).suggestions()).extracting(s -> s.id() + "=" + s.text())
                .containsExactly("qr_9=Hi.", "sq_9_1=A?", "sq_9_2=B?");
        assertThat(answer.blank()).isFalse();
        assertThat(FastAnswerStreamParser.parse(" ").blank()).isTrue();
    }

    @Test
    void randomTextsNeverBreakTheParserAndStayChunkIndependent() {
        Random random = new Random(7);
        String[] pieces = {"SAY", "ASK", ":", " ", "\n", "\r\n", "- ", "1. ", "**", "*", "`", "```", "Hello", "zażółć",
                "?", "👍", "QUESTIONS", "say", "Ask", "#", "\t", "2)", "(3)", "•", "x"};
        for (int run = 0; run < 400; run++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 5 + random.nextInt(40); i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            FastAnswer whole = FastAnswerStreamParser.parse(text.toString());
            assertThat(whole.questions()).hasSizeLessThanOrEqualTo(FastAnswerStreamParser.MAX_QUESTIONS);
            for (int split = 0; split < 5; split++) {
                List<FastAnswerEvent> events = new ArrayList<>();
                FastAnswerStreamParser parser = new FastAnswerStreamParser(events::add);
                split(text.toString(), random, 1 + random.nextInt(6)).forEach(parser::feed);
                assertThat(parser.finish()).as("text %s", text).isEqualTo(whole);
                FastAnswerAccumulator accumulator = new FastAnswerAccumulator();
                events.forEach(accumulator::apply);
                assertThat(accumulator.answer()).as("events of %s", text).isEqualTo(whole);
                assertWellFormed(events);
            }
        }
    }

    @Test
    void cleanRemovesBoldMarkersOnly() {
        assertThat(FastAnswerStreamParser.clean("**a** b * c ***d")).isEqualTo("a b * c *d");
        assertThat(FastAnswerStreamParser.clean("plain")).isEqualTo("plain");
    }
}
