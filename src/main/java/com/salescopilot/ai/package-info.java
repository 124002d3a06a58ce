/**
 * Model access: typed properties ({@link com.salescopilot.ai.AiProperties}), the LangChain4j Ollama
 * chat model beans (streaming for the fast path, blocking with a JSON schema for the slow path), the
 * reasoning effort sent as gpt-oss wants it, a watchdog for streams
 * ({@link com.salescopilot.ai.GuardedStreaming}), failures a person understands
 * ({@link com.salescopilot.ai.AiFailure}) and the model endpoint's health
 * ({@link com.salescopilot.ai.ModelStatusService}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "AI", allowedDependencies = "base")
package com.salescopilot.ai;
