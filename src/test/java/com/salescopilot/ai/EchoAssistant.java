package com.salescopilot.ai;

import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.spring.AiService;

/**
 * Proves that LangChain4j's {@code @AiService} (langchain4j-spring-boot-starter 1.11.0-beta19) works on
 * Spring Boot 4 with the ai module's beans: it is wired automatically to the one {@code ChatModel}.
 */
@AiService
interface EchoAssistant {

    @SystemMessage("You repeat what you are told.")
    String reply(String text);
}
