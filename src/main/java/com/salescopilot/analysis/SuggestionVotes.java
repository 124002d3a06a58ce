package com.salescopilot.analysis;

import com.salescopilot.security.Actor;
import java.util.Map;

/**
 * The 👍/👎 port the analysis views use beside every suggestion; the feedback module implements it
 * (it depends on this module, not the other way round).
 */
public interface SuggestionVotes {

    /** The actor's current votes on an interaction's suggestions: suggestion id → +1 or −1. */
    Map<String, Integer> votes(Actor actor, long interactionId);

    /** Records or changes the actor's vote; {@code comment} may be null. */
    void vote(Actor actor, long interactionId, String suggestionId, int score, String comment);
}
